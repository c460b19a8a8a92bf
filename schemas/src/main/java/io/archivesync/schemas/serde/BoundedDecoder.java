package io.archivesync.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * A binary decoder that refuses lengths and item counts larger than the bytes left in the message.
 *
 * <p>Avro's own decoder trusts the lengths it reads: one flipped bit in a string's length makes it allocate up to
 * 2 GiB and the consumer dies of {@link OutOfMemoryError} instead of dead-lettering one bad record. A string or
 * bytes value can never be longer than what remains, and an array or map block cannot hold more items than
 * there are bytes left, unless its items encode to zero bytes (arrays of {@code null} or of empty records);
 * no contract here has such arrays, so that case is refused too.
 */
final class BoundedDecoder extends Decoder {

    private final BinaryDecoder in;

    BoundedDecoder(BinaryDecoder in) {
        this.in = in;
    }

    private int remaining() throws IOException {
        return in.inputStream().available();
    }

    private int checkedLength(String what) throws IOException {
        long length = in.readLong();
        int remaining = remaining();
        if (length < 0 || length > remaining) {
            throw new AvroRuntimeException("Malformed data: " + what + " length " + length + " with only "
                    + remaining + " bytes left");
        }
        return (int) length;
    }

    private long checkedCount(long count, String what) throws IOException {
        int remaining = remaining();
        if (count > remaining) {
            throw new AvroRuntimeException("Malformed data: " + what + " block of " + count + " items with only "
                    + remaining + " bytes left");
        }
        return count;
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = checkedLength("string");
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        in.readFixed(result.getBytes(), 0, length);
        return result;
    }

    @Override
    public String readString() throws IOException {
        byte[] bytes = new byte[checkedLength("string")];
        in.readFixed(bytes, 0, bytes.length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void skipString() throws IOException {
        in.skipFixed(checkedLength("string"));
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = checkedLength("bytes");
        ByteBuffer result = old != null && old.capacity() >= length ? old : ByteBuffer.allocate(length);
        result.clear();
        in.readFixed(result.array(), result.arrayOffset(), length);
        result.limit(length);
        return result;
    }

    @Override
    public void skipBytes() throws IOException {
        in.skipFixed(checkedLength("bytes"));
    }

    @Override
    public long readArrayStart() throws IOException {
        return checkedCount(in.readArrayStart(), "array");
    }

    @Override
    public long arrayNext() throws IOException {
        return checkedCount(in.arrayNext(), "array");
    }

    @Override
    public long readMapStart() throws IOException {
        return checkedCount(in.readMapStart(), "map");
    }

    @Override
    public long mapNext() throws IOException {
        return checkedCount(in.mapNext(), "map");
    }

    @Override
    public long skipArray() throws IOException {
        return in.skipArray();
    }

    @Override
    public long skipMap() throws IOException {
        return in.skipMap();
    }

    @Override
    public void readNull() throws IOException {
        in.readNull();
    }

    @Override
    public boolean readBoolean() throws IOException {
        return in.readBoolean();
    }

    @Override
    public int readInt() throws IOException {
        return in.readInt();
    }

    @Override
    public long readLong() throws IOException {
        return in.readLong();
    }

    @Override
    public float readFloat() throws IOException {
        return in.readFloat();
    }

    @Override
    public double readDouble() throws IOException {
        return in.readDouble();
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        in.readFixed(bytes, start, length);
    }

    @Override
    public void skipFixed(int length) throws IOException {
        in.skipFixed(length);
    }

    @Override
    public int readEnum() throws IOException {
        return in.readEnum();
    }

    @Override
    public int readIndex() throws IOException {
        return in.readIndex();
    }

    /** True when every byte of the message has been consumed. */
    boolean isEnd() throws IOException {
        return in.isEnd();
    }
}
