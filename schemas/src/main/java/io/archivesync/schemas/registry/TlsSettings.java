package io.archivesync.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.kafka.common.config.ConfigException;

/**
 * Trust store and optional key store for an {@code https} registry, from Confluent's
 * {@code schema.registry.ssl.*} settings. Without a trust store the JVM's default trust applies; the key store
 * is only for registries that demand client certificates. {@link #toString()} masks the passwords.
 *
 * @param truststoreLocation path of the trust store, or null for the JVM default trust
 * @param truststorePassword its password, or null
 * @param truststoreType     {@code JKS}, {@code PKCS12}, ...; defaults to {@code JKS} as in Confluent
 * @param keystoreLocation   path of the client key store, or null
 * @param keystorePassword   its password, or null
 * @param keystoreType       its type; defaults to {@code JKS}
 * @param keyPassword        password of the key inside, or null to reuse the key store password
 */
public record TlsSettings(String truststoreLocation, String truststorePassword, String truststoreType,
                          String keystoreLocation, String keystorePassword, String keystoreType,
                          String keyPassword) {

    static final String PREFIX = "schema.registry.ssl.";

    public TlsSettings {
        truststoreType = truststoreType == null ? "JKS" : truststoreType;
        keystoreType = keystoreType == null ? "JKS" : keystoreType;
    }

    /** True when any store is configured, i.e. the JVM's default SSL context will not do. */
    public boolean isConfigured() {
        return truststoreLocation != null || keystoreLocation != null;
    }

    /** Reads the {@code schema.registry.ssl.*} settings. */
    static TlsSettings from(java.util.Map<String, ?> configs) {
        return new TlsSettings(
                ConfigValues.string(configs, PREFIX + "truststore.location"),
                ConfigValues.string(configs, PREFIX + "truststore.password"),
                ConfigValues.string(configs, PREFIX + "truststore.type"),
                ConfigValues.string(configs, PREFIX + "keystore.location"),
                ConfigValues.string(configs, PREFIX + "keystore.password"),
                ConfigValues.string(configs, PREFIX + "keystore.type"),
                ConfigValues.string(configs, PREFIX + "key.password"));
    }

    /**
     * Builds the SSL context, loading the stores now so that a wrong path or password fails at start-up with
     * the setting's name rather than at the first record.
     */
    public SSLContext toSslContext() {
        try {
            TrustManagerFactory tmf = null;
            if (truststoreLocation != null) {
                KeyStore trust = load(truststoreLocation, truststorePassword, truststoreType, "truststore");
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
            }
            KeyManagerFactory kmf = null;
            if (keystoreLocation != null) {
                KeyStore keys = load(keystoreLocation, keystorePassword, keystoreType, "keystore");
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                String keyPass = keyPassword != null ? keyPassword : keystorePassword;
                kmf.init(keys, keyPass == null ? new char[0] : keyPass.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(),
                    null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigException("Cannot build the schema registry SSL context: " + e.getMessage());
        }
    }

    private static KeyStore load(String location, String password, String type, String what)
            throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            store.load(in, password == null ? null : password.toCharArray());
            return store;
        } catch (IOException e) {
            // KeyStore reports a wrong password as an IOException too; never echo the password itself.
            throw new ConfigException(PREFIX + what + ".location", location,
                    "cannot read the " + what + " (missing file, wrong type " + type + " or wrong password): "
                            + e.getMessage());
        }
    }

    @Override
    public String toString() {
        if (!isConfigured()) {
            return "TlsSettings[JVM default trust, no client certificate]";
        }
        return "TlsSettings[truststore=" + truststoreLocation + " (" + truststoreType + ", password "
                + mask(truststorePassword) + "), keystore=" + keystoreLocation + " (" + keystoreType + ", password "
                + mask(keystorePassword) + ", key password " + mask(keyPassword) + ")]";
    }

    private static String mask(String secret) {
        return secret == null ? "unset" : "****";
    }
}
