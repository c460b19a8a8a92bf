package io.archivesync.schemas.serde;

import java.nio.ByteBuffer;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's framing of a record value: magic byte {@code 0}, the writer schema's registry id as a 4-byte
 * big-endian int, then the Avro binary encoding. Every Confluent-compatible client frames records this way,
 * which is what makes our topics readable by tools we do not control.
 */
public final class ConfluentWireFormat {

    /** The only format version Confluent has defined. */
    public static final byte MAGIC_BYTE = 0;
    /** Magic byte plus schema id. */
    public static final int HEADER_SIZE = 5;

    private ConfluentWireFormat() {
    }

    /**
     * A decoded frame: the schema id and where the Avro payload sits inside {@code data} (not copied).
     *
     * @param schemaId the writer schema's registry id
     * @param data     the whole framed message
     */
    public record Frame(int schemaId, byte[] data) {

        /** Offset of the Avro payload in {@link #data()}. */
        public int payloadOffset() {
            return HEADER_SIZE;
        }

        /** Length of the Avro payload. */
        public int payloadLength() {
            return data.length - HEADER_SIZE;
        }
    }

    /** Frames an Avro payload with {@code schemaId}. */
    public static byte[] encode(int schemaId, byte[] avroPayload) {
        return ByteBuffer.allocate(HEADER_SIZE + avroPayload.length)
                .put(MAGIC_BYTE).putInt(schemaId).put(avroPayload).array();
    }

    /** Writes the 5-byte header, for serializers that then stream the Avro payload after it. */
    public static byte[] header(int schemaId) {
        return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).array();
    }

    /**
     * Reads the header of a framed message.
     *
     * @throws SerializationException when the input is shorter than the header or does not start with the magic
     *                                byte (e.g. plain JSON or Avro without the header was produced to the topic)
     */
    public static Frame decode(byte[] data) {
        if (data == null) {
            throw new SerializationException("Cannot decode null as the Confluent wire format");
        }
        if (data.length < HEADER_SIZE) {
            throw new SerializationException("Too short for the Confluent wire format: " + data.length
                    + " bytes, need at least " + HEADER_SIZE + " (magic byte and 4-byte schema id)");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format("Unknown magic byte 0x%02x: not the Confluent wire "
                    + "format, whose first byte is 0x00", data[0]));
        }
        return new Frame(ByteBuffer.wrap(data, 1, 4).getInt(), data);
    }
}
