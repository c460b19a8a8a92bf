# The archive-sync services in one image; the command picks the service (producer, processor, sink, ...).
# Build the jar first: ./mvnw -B -DskipTests package
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY cli/target/archive-sync.jar /app/archive-sync.jar
COPY deploy/compose-config.yml /etc/archive-sync/config.yml
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/archive-sync.jar"]
CMD ["--help"]
