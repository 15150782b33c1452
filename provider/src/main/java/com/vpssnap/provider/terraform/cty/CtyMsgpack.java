package com.vpssnap.provider.terraform.cty;

import com.vpssnap.provider.core.Unknown;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * cty values in msgpack, as Terraform's DynamicValue carries them. Values use the core's Java
 * forms: String, Long or BigDecimal, Boolean, List, Map, null, and {@link Unknown#VALUE}, which
 * travels as extension type 0. Numbers are exact: integers as msgpack ints, other numbers as a
 * float64 when that is exact, else as their decimal string (cty accepts all three).
 */
public final class CtyMsgpack {
    private static final byte[] UNKNOWN = {(byte) 0xd4, 0, 0};

    private CtyMsgpack() {
    }

    public static byte[] encode(Object value, CtyType type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, value, type);
        return out.toByteArray();
    }

    /** The value, or IllegalArgumentException saying what is wrong with the bytes; nothing else. */
    public static Object decode(byte[] bytes, CtyType type) {
        Reader in = new Reader(ByteBuffer.wrap(bytes));
        Object value;
        try {
            value = in.read(type);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("the msgpack value ends early, at byte " + in.buffer.position()
                    + " of " + bytes.length);
        }
        if (in.buffer.hasRemaining()) {
            throw new IllegalArgumentException(in.buffer.remaining() + " bytes left after the value");
        }
        return value;
    }

    private static void write(ByteArrayOutputStream out, Object value, CtyType type) {
        if (value == Unknown.VALUE) {
            out.writeBytes(UNKNOWN);
        } else if (value == null) {
            out.write(0xc0);
        } else if (type == CtyType.STRING) {
            writeString(out, (String) value);
        } else if (type == CtyType.BOOL) {
            out.write((Boolean) value ? 0xc3 : 0xc2);
        } else if (type == CtyType.NUMBER) {
            writeNumber(out, value);
        } else if (type instanceof CtyType.Collection c && !c.kind().equals("map")) {
            List<?> items = (List<?>) value;
            header(out, items.size(), 0x90, 0xdc, 0xdd);
            items.forEach(item -> write(out, item, c.element()));
        } else if (type instanceof CtyType.Collection c) {
            Map<?, ?> entries = (Map<?, ?>) value;
            header(out, entries.size(), 0x80, 0xde, 0xdf);
            entries.forEach((k, v) -> {
                writeString(out, (String) k);
                write(out, v, c.element());
            });
        } else if (type instanceof CtyType.ObjectType o) {
            Map<?, ?> attributes = (Map<?, ?>) value;
            header(out, o.attributes().size(), 0x80, 0xde, 0xdf);
            o.attributes().forEach((name, attributeType) -> {
                writeString(out, name);
                write(out, attributes.get(name), attributeType);
            });
        } else {
            throw new IllegalArgumentException("cannot encode " + value + " as " + type);
        }
    }

    private static void writeNumber(ByteArrayOutputStream out, Object value) {
        BigDecimal n = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        try {
            writeLong(out, n.longValueExact());
            return;
        } catch (ArithmeticException notALong) {
            // not a whole number that fits in 64 bits
        }
        double d = n.doubleValue();
        if (Double.isFinite(d) && new BigDecimal(d).compareTo(n) == 0) {
            out.write(0xcb);
            out.writeBytes(ByteBuffer.allocate(8).putDouble(d).array());
        } else {
            writeString(out, n.toPlainString());
        }
    }

    private static void writeLong(ByteArrayOutputStream out, long v) {
        if (v >= 0 && v < 128) {
            out.write((int) v);
        } else if (v < 0 && v >= -32) {
            out.write((int) (v & 0xff));
        } else {
            out.write(0xd3);
            out.writeBytes(ByteBuffer.allocate(8).putLong(v).array());
        }
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (utf8.length < 32) {
            out.write(0xa0 | utf8.length);
        } else if (utf8.length < 256) {
            out.write(0xd9);
            out.write(utf8.length);
        } else if (utf8.length < 65536) {
            out.write(0xda);
            out.writeBytes(ByteBuffer.allocate(2).putShort((short) utf8.length).array());
        } else {
            out.write(0xdb);
            out.writeBytes(ByteBuffer.allocate(4).putInt(utf8.length).array());
        }
        out.writeBytes(utf8);
    }

    private static void header(ByteArrayOutputStream out, int size, int fix, int sixteen, int thirtyTwo) {
        if (size < 16) {
            out.write(fix | size);
        } else if (size < 65536) {
            out.write(sixteen);
            out.writeBytes(ByteBuffer.allocate(2).putShort((short) size).array());
        } else {
            out.write(thirtyTwo);
            out.writeBytes(ByteBuffer.allocate(4).putInt(size).array());
        }
    }

    /** Reads one value at a time, guided by the expected type. */
    private static final class Reader {
        private final ByteBuffer buffer;

        Reader(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        Object read(CtyType type) {
            int b = Byte.toUnsignedInt(buffer.get(buffer.position()));
            if (b == 0xc0) {
                buffer.get();
                return null;
            }
            if (isExtension(b)) {
                skipExtension();
                return Unknown.VALUE; // cty's only extension is the unknown value (type 0, or refined)
            }
            if (type == CtyType.STRING) {
                return readString();
            }
            if (type == CtyType.BOOL) {
                int v = Byte.toUnsignedInt(buffer.get());
                if (v != 0xc2 && v != 0xc3) {
                    throw new IllegalArgumentException("expected a bool, got 0x" + Integer.toHexString(v));
                }
                return v == 0xc3;
            }
            if (type == CtyType.NUMBER) {
                return readNumber();
            }
            if (type instanceof CtyType.Collection c && !c.kind().equals("map")) {
                int size = size(0x90, 0xdc, 0xdd);
                List<Object> items = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    items.add(read(c.element()));
                }
                return items;
            }
            if (type instanceof CtyType.Collection c) {
                int size = size(0x80, 0xde, 0xdf);
                Map<String, Object> entries = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    entries.put(readString(), read(c.element()));
                }
                return entries;
            }
            CtyType.ObjectType o = (CtyType.ObjectType) type;
            int size = size(0x80, 0xde, 0xdf);
            Map<String, Object> attributes = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                String name = readString();
                CtyType attributeType = o.attributes().get(name);
                if (attributeType == null) {
                    throw new IllegalArgumentException("unexpected attribute " + name);
                }
                attributes.put(name, read(attributeType));
            }
            return attributes;
        }

        private static boolean isExtension(int b) {
            return (b >= 0xd4 && b <= 0xd8) || (b >= 0xc7 && b <= 0xc9);
        }

        private void skipExtension() {
            int b = Byte.toUnsignedInt(buffer.get());
            int length = switch (b) {
                case 0xd4 -> 1;
                case 0xd5 -> 2;
                case 0xd6 -> 4;
                case 0xd7 -> 8;
                case 0xd8 -> 16;
                case 0xc7 -> Byte.toUnsignedInt(buffer.get());
                case 0xc8 -> Short.toUnsignedInt(buffer.getShort());
                default -> buffer.getInt();
            };
            buffer.get(); // the extension's type byte
            buffer.position(buffer.position() + length);
        }

        private Object readNumber() {
            int b = Byte.toUnsignedInt(buffer.get());
            if (b < 0x80) {
                return (long) b;
            }
            if (b >= 0xe0) {
                return (long) (byte) b;
            }
            return switch (b) {
                case 0xcc -> (long) Byte.toUnsignedInt(buffer.get());
                case 0xcd -> (long) Short.toUnsignedInt(buffer.getShort());
                case 0xce -> Integer.toUnsignedLong(buffer.getInt());
                case 0xcf -> {
                    long v = buffer.getLong();
                    yield v >= 0 ? (Object) v : new BigDecimal(new BigInteger(Long.toUnsignedString(v)));
                }
                case 0xd0 -> (long) buffer.get();
                case 0xd1 -> (long) buffer.getShort();
                case 0xd2 -> (long) buffer.getInt();
                case 0xd3 -> buffer.getLong();
                case 0xca -> exact(new BigDecimal(buffer.getFloat()));
                case 0xcb -> exact(new BigDecimal(buffer.getDouble()));
                default -> {
                    buffer.position(buffer.position() - 1);
                    yield exact(new BigDecimal(readString()));
                }
            };
        }

        /** Whole numbers as Long, so that they compare equal whatever encoding carried them. */
        private static Object exact(BigDecimal n) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                return n.stripTrailingZeros();
            }
        }

        private String readString() {
            int b = Byte.toUnsignedInt(buffer.get());
            int length;
            if ((b & 0xe0) == 0xa0) {
                length = b & 0x1f;
            } else if (b == 0xd9 || b == 0xc4) {
                length = Byte.toUnsignedInt(buffer.get());
            } else if (b == 0xda || b == 0xc5) {
                length = Short.toUnsignedInt(buffer.getShort());
            } else if (b == 0xdb || b == 0xc6) {
                length = buffer.getInt();
            } else {
                throw new IllegalArgumentException("expected a string, got 0x" + Integer.toHexString(b));
            }
            byte[] utf8 = new byte[within(length)];
            buffer.get(utf8);
            return new String(utf8, StandardCharsets.UTF_8);
        }

        /**
         * A length read from the bytes, checked before anything is allocated for it: a prefix
         * claiming more than the bytes that are left (or a negative one) is refused.
         */
        private int within(int length) {
            if (length < 0 || length > buffer.remaining()) {
                throw new IllegalArgumentException("a length of " + Integer.toUnsignedString(length) + " at byte "
                        + buffer.position() + ", but only " + buffer.remaining() + " bytes are left");
            }
            return length;
        }

        /** An element count: every element takes at least one byte, so it cannot exceed what is left. */
        private int size(int fix, int sixteen, int thirtyTwo) {
            int b = Byte.toUnsignedInt(buffer.get());
            if ((b & 0xf0) == fix) {
                return b & 0x0f;
            }
            if (b == sixteen) {
                return within(Short.toUnsignedInt(buffer.getShort()));
            }
            if (b == thirtyTwo) {
                return within(buffer.getInt());
            }
            throw new IllegalArgumentException("expected a collection header, got 0x" + Integer.toHexString(b));
        }
    }
}
