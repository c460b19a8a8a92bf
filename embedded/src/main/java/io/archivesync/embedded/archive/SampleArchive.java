package io.archivesync.embedded.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes a small archive laid out like Binance's {@code data.binance.vision} into a bucket: real zip files of
 * plausible CSV rows, each with its {@code .CHECKSUM} sidecar ({@code <sha256>  <file name>}, no trailing newline,
 * as Binance publishes them). Deterministic for a given spec, so tests can compare bytes.
 */
public final class SampleArchive {

    /**
     * What to generate.
     *
     * @param markets   e.g. spot, futures/um
     * @param symbols   e.g. BTCUSDT
     * @param dataTypes klines (with {@code interval}) or aggTrades
     * @param firstDay  the first daily file's date
     * @param days      daily files per symbol and data type
     * @param interval  the kline interval
     * @param rows      CSV rows per file
     */
    public record Spec(List<String> markets, List<String> symbols, List<String> dataTypes, LocalDate firstDay,
                       int days, String interval, int rows) {

        /** 2 markets x 3 symbols x 2 data types x 7 days: 84 zips and 84 sidecars. */
        public static Spec demo() {
            return new Spec(List.of("spot", "futures/um"), List.of("BTCUSDT", "ETHUSDT", "BNBUSDT"),
                    List.of("klines", "aggTrades"), LocalDate.of(2024, 1, 1), 7, "1m", 1440);
        }

        public int objectCount() {
            return markets.size() * symbols.size() * dataTypes.size() * days * 2;
        }
    }

    /** One generated object. */
    public record Entry(String key, long size, String sha256) {
    }

    private SampleArchive() {
    }

    /** Generates the archive into {@code bucket} (which must exist) and returns what it wrote. */
    public static List<Entry> generate(S3Client s3, String bucket, Spec spec) {
        List<Entry> written = new ArrayList<>();
        for (String market : spec.markets()) {
            for (String dataType : spec.dataTypes()) {
                for (String symbol : spec.symbols()) {
                    for (int d = 0; d < spec.days(); d++) {
                        LocalDate day = spec.firstDay().plusDays(d);
                        boolean klines = dataType.equals("klines");
                        String dir = "data/" + market + "/daily/" + dataType + "/" + symbol + "/"
                                + (klines ? spec.interval() + "/" : "");
                        String file = symbol + "-" + (klines ? spec.interval() : dataType) + "-" + day + ".zip";
                        long seed = (market + dataType + symbol + day).hashCode();
                        byte[] zip = zip(file.replace(".zip", ".csv"),
                                klines ? klines(day, spec.rows(), seed) : aggTrades(day, spec.rows(), seed));
                        String sha = sha256(zip);
                        byte[] sidecar = (sha + "  " + file).getBytes(StandardCharsets.US_ASCII);
                        put(s3, bucket, dir + file, zip, "application/zip");
                        put(s3, bucket, dir + file + ".CHECKSUM", sidecar, "text/plain");
                        written.add(new Entry(dir + file, zip.length, sha));
                        written.add(new Entry(dir + file + ".CHECKSUM", sidecar.length, sha256(sidecar)));
                    }
                }
            }
        }
        return written;
    }

    private static void put(S3Client s3, String bucket, String key, byte[] bytes, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    static String klines(LocalDate day, int rows, long seed) {
        Random random = new Random(seed);
        long open = day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        double price = 20_000 + random.nextInt(30_000);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            double o = price;
            double c = o * (1 + (random.nextDouble() - 0.5) / 500);
            double h = Math.max(o, c) * (1 + random.nextDouble() / 1000);
            double l = Math.min(o, c) * (1 - random.nextDouble() / 1000);
            double volume = random.nextDouble() * 50;
            long t = open + i * 60_000L;
            csv.append(String.format(java.util.Locale.ROOT,
                    "%d,%.2f,%.2f,%.2f,%.2f,%.5f,%d,%.5f,%d,%.5f,%.5f,0%n",
                    t, o, h, l, c, volume, t + 59_999, volume * c, 100 + random.nextInt(900), volume / 2,
                    volume * c / 2));
            price = c;
        }
        return csv.toString();
    }

    static String aggTrades(LocalDate day, int rows, long seed) {
        Random random = new Random(seed);
        long start = day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        long id = Math.abs(seed % 1_000_000_000L);
        double price = 20_000 + random.nextInt(30_000);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            price *= 1 + (random.nextDouble() - 0.5) / 2000;
            csv.append(String.format(java.util.Locale.ROOT, "%d,%.2f,%.5f,%d,%d,%d,%s,True%n",
                    id + i, price, random.nextDouble(), (id + i) * 3, (id + i) * 3 + 2,
                    start + (long) i * 86_400_000L / rows, random.nextBoolean() ? "True" : "False"));
        }
        return csv.toString();
    }

    private static byte[] zip(String entryName, String content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry(entryName);
            entry.setTime(0);
            zip.putNextEntry(entry);
            zip.write(content.getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
