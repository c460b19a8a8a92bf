package io.archivesync.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses an HTTP(S) source may not resolve to by default: everything but the public internet. */
class SourceAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "0.0.0.0", "0.1.2.3", "::", "169.254.169.254",
            "169.254.0.1", "fe80::1", "10.0.0.7", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1",
            "100.100.100.200", "100.127.255.255", "fc00::1", "fd00:ec2::254", "fec0::1", "224.0.0.1", "ff02::1",
            "255.255.255.255", "240.0.0.1", "198.18.0.1", "192.0.0.192", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
            "::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1", "2002:0a00:0001::"})
    void shouldRefuseNonPublicAddresses(String address) throws UnknownHostException {
        // Given / When
        String why = SourceAddresses.refusal(InetAddress.getByName(address));

        // Then
        assertThat(why).as(address).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "52.219.20.1", "172.15.255.255", "172.32.0.1", "100.63.255.255",
            "100.128.0.1", "192.169.0.1", "169.255.0.1", "2600:1f18::1", "2a05:d014::1", "64:ff9b::808:808",
            "2002:0808:0808::1"})
    void shouldAllowPublicAddresses(String address) throws UnknownHostException {
        // Given / When
        String why = SourceAddresses.refusal(InetAddress.getByName(address));

        // Then
        assertThat(why).as(address).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "fd00:ec2::254"})
    void shouldNameTheCloudMetadataAddressesForWhatTheyAre(String address) throws UnknownHostException {
        // Given / When
        String why = SourceAddresses.refusal(InetAddress.getByName(address));

        // Then
        assertThat(why).contains("metadata");
    }
}
