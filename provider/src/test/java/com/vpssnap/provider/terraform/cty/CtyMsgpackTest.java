package com.vpssnap.provider.terraform.cty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vpssnap.provider.core.Unknown;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Property tests for the msgpack codec: random types up to three levels deep, random values with
 * nulls and unknowns at every depth, encoded and decoded back unchanged. Seeded, so a failure
 * repeats; bounded, so it stays fast.
 */
class CtyMsgpackTest {
    private static final int CASES = 3000;

    @Test
    void randomValuesOfRandomTypesRoundTrip() {
        Random random = new Random(20261124);
        for (int i = 0; i < CASES; i++) {
            CtyType type = randomType(random, 3);
            Object value = randomValue(random, type, 3);
            byte[] bytes = CtyMsgpack.encode(value, type);
            Object back = CtyMsgpack.decode(bytes, type);
            assertEquals(value, back, "case " + i + " type " + type.toJson());
            assertEquals(type, CtyType.parse(new ObjectMapper().valueToTree(type.toJson())), "type JSON round trip");
        }
    }

    @Test
    void knownEncodings() {
        assertArrayEquals(HexFormat.of().parseHex("d40000"), CtyMsgpack.encode(Unknown.VALUE, CtyType.STRING));
        assertArrayEquals(HexFormat.of().parseHex("c0"), CtyMsgpack.encode(null, CtyType.NUMBER));
        assertArrayEquals(HexFormat.of().parseHex("81a161a178"),
                CtyMsgpack.encode(Map.of("a", "x"), CtyType.object(Map.of("a", CtyType.STRING))));
        assertArrayEquals(HexFormat.of().parseHex("cb3ff8000000000000"), CtyMsgpack.encode(new BigDecimal("1.5"), CtyType.NUMBER));
        assertArrayEquals(HexFormat.of().parseHex("a3302e31"), CtyMsgpack.encode(new BigDecimal("0.1"), CtyType.NUMBER),
                "0.1 has no exact float64: sent as its decimal string");
        assertArrayEquals(HexFormat.of().parseHex("d30000000000000bb8"), CtyMsgpack.encode(3000L, CtyType.NUMBER));
        assertArrayEquals(HexFormat.of().parseHex("e0"), CtyMsgpack.encode(-32L, CtyType.NUMBER));
        // An object's missing attribute is encoded as null; attributes go in sorted order.
        assertArrayEquals(HexFormat.of().parseHex("82a161c0a162c3"),
                CtyMsgpack.encode(Map.of("b", true), CtyType.object(Map.of("b", CtyType.BOOL, "a", CtyType.STRING))));
    }

    @Test
    void decodesWhatOtherEncodersSend() {
        // uint16, int8, float32 and a refined unknown (extension type 12) as other msgpack writers emit them
        assertEquals(3000L, CtyMsgpack.decode(HexFormat.of().parseHex("cd0bb8"), CtyType.NUMBER));
        assertEquals(-100L, CtyMsgpack.decode(HexFormat.of().parseHex("d09c"), CtyType.NUMBER));
        assertEquals(new BigDecimal("0.5"), CtyMsgpack.decode(HexFormat.of().parseHex("ca3f000000"), CtyType.NUMBER));
        assertEquals(Unknown.VALUE, CtyMsgpack.decode(HexFormat.of().parseHex("c7030c010203"), CtyType.STRING));
        assertEquals(12345L, CtyMsgpack.decode(HexFormat.of().parseHex("a53132333435"), CtyType.NUMBER));
    }

    private static CtyType randomType(Random r, int depth) {
        int pick = r.nextInt(depth > 0 ? 7 : 3);
        return switch (pick) {
            case 0 -> CtyType.STRING;
            case 1 -> CtyType.NUMBER;
            case 2 -> CtyType.BOOL;
            case 3 -> CtyType.list(randomType(r, depth - 1));
            case 4 -> CtyType.set(randomType(r, depth - 1));
            case 5 -> CtyType.map(randomType(r, depth - 1));
            default -> {
                Map<String, CtyType> attributes = new LinkedHashMap<>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    attributes.put("a" + r.nextInt(100), randomType(r, depth - 1));
                }
                yield CtyType.object(attributes);
            }
        };
    }

    private static Object randomValue(Random r, CtyType type, int depth) {
        int special = r.nextInt(10);
        if (special == 0) {
            return null;
        }
        if (special == 1) {
            return Unknown.VALUE;
        }
        if (type == CtyType.STRING) {
            return randomString(r);
        }
        if (type == CtyType.BOOL) {
            return r.nextBoolean();
        }
        if (type == CtyType.NUMBER) {
            return switch (r.nextInt(4)) {
                case 0 -> (long) r.nextInt(200) - 100;
                case 1 -> r.nextLong();
                case 2 -> canonical(new BigDecimal(r.nextInt(100000)).movePointLeft(1 + r.nextInt(4)));
                default -> new BigDecimal("12345678901234567890123.25");
            };
        }
        if (type instanceof CtyType.Collection c && !c.kind().equals("map")) {
            List<Object> items = new ArrayList<>();
            int n = r.nextInt(depth > 0 ? 20 : 2);
            for (int i = 0; i < n; i++) {
                items.add(randomValue(r, c.element(), depth - 1));
            }
            return items;
        }
        if (type instanceof CtyType.Collection c) {
            Map<String, Object> entries = new LinkedHashMap<>();
            int n = r.nextInt(18);
            for (int i = 0; i < n; i++) {
                entries.put(randomString(r), randomValue(r, c.element(), depth - 1));
            }
            return entries;
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        ((CtyType.ObjectType) type).attributes().forEach((name, t) -> attributes.put(name, randomValue(r, t, depth - 1)));
        return attributes;
    }

    /** The codec's number contract: whole numbers are Long, others a stripped BigDecimal. */
    private static Object canonical(BigDecimal n) {
        BigDecimal stripped = n.stripTrailingZeros();
        return stripped.scale() <= 0 ? (Object) stripped.longValueExact() : stripped;
    }

    private static String randomString(Random r) {
        int length = r.nextInt(4) == 0 ? 40 + r.nextInt(300) : r.nextInt(20);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(r.nextInt(8) == 0 ? "é漢" : String.valueOf((char) ('a' + r.nextInt(26))));
        }
        return s.toString();
    }
}
