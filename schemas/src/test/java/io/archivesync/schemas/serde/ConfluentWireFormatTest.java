package io.archivesync.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ConfluentWireFormatTest {

    @Test
    void shouldPrefixMagicByteAndBigEndianSchemaId() {
        // Given a payload and a schema id spanning all four bytes
        byte[] payload = {7, 8, 9};

        // When framed
        byte[] framed = ConfluentWireFormat.encode(0x01020304, payload);

        // Then the header is 0x00 then the id big-endian, then the payload untouched
        assertThat(framed).containsExactly(0, 1, 2, 3, 4, 7, 8, 9);
    }

    @Test
    void shouldDecodeWhatItEncoded() {
        // Given a framed payload
        byte[] framed = ConfluentWireFormat.encode(Integer.MAX_VALUE, new byte[] {42, 43});

        // When decoded
        ConfluentWireFormat.Frame frame = ConfluentWireFormat.decode(framed);

        // Then the id and the payload's position come back
        assertThat(frame.schemaId()).isEqualTo(Integer.MAX_VALUE);
        assertThat(frame.payloadOffset()).isEqualTo(5);
        assertThat(frame.payloadLength()).isEqualTo(2);
        assertThat(framed[frame.payloadOffset()]).isEqualTo((byte) 42);
    }

    @Test
    void shouldAcceptAnEmptyPayload() {
        // Given a header alone (a record with no fields encodes to zero bytes)
        byte[] framed = ConfluentWireFormat.header(5);

        // When decoded / Then it is a frame with an empty payload
        assertThat(ConfluentWireFormat.decode(framed).payloadLength()).isZero();
    }

    @Test
    void shouldRejectInputShorterThanTheHeader() {
        // Given three bytes / When decoded / Then the message says it is too short
        assertThatThrownBy(() -> ConfluentWireFormat.decode(new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Too short")
                .hasMessageContaining("3 bytes");
    }

    @Test
    void shouldRejectAWrongMagicByte() {
        // Given JSON produced to an Avro topic
        byte[] json = "{\"requestId\":\"r\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        // When decoded / Then the message names the unexpected byte
        assertThatThrownBy(() -> ConfluentWireFormat.decode(json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("magic byte 0x7b");
    }

    @Test
    void shouldRejectNullAndEmptyInputWithAClearMessage() {
        // Given nothing at all / When decoded / Then a SerializationException, not an NPE or index error
        assertThatThrownBy(() -> ConfluentWireFormat.decode(null)).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> ConfluentWireFormat.decode(new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("0 bytes");
    }
}
