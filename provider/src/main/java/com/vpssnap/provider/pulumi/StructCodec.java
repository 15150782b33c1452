package com.vpssnap.provider.pulumi;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.vpssnap.provider.core.Props;
import com.vpssnap.provider.core.Unknown;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates Pulumi's property Structs to the core's {@link Props} and back. Pulumi marks
 * special values with signature keys; only the two that reach a provider matter here.
 */
final class StructCodec {
    /** The string the engine sends for a value not known during preview. */
    static final String UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    private static final String OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
    /** Doubles carry integers exactly up to 2^53. */
    private static final double MAX_EXACT = 9_007_199_254_740_992d;

    private StructCodec() {
    }

    static Props decode(Struct struct) {
        Map<String, Object> values = new LinkedHashMap<>();
        struct.getFieldsMap().forEach((k, v) -> values.put(k, decodeValue(v)));
        return Props.of(values);
    }

    static Struct encode(Props props) {
        return encodeMap(props.asMap());
    }

    /** The top-level properties the engine sent as secrets. */
    static java.util.Set<String> secretKeys(Struct struct) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        struct.getFieldsMap().forEach((k, v) -> {
            if (isSecret(v)) {
                keys.add(k);
            }
        });
        return keys;
    }

    /**
     * The provider accepts secrets (components require it), and decode unwraps them: this wraps
     * again every answered property that came in as a secret, so none reaches the state in clear.
     */
    static Struct keepSecrets(Struct answer, java.util.Set<String> secretKeys) {
        if (secretKeys.isEmpty()) {
            return answer;
        }
        Struct.Builder b = answer.toBuilder();
        answer.getFieldsMap().forEach((k, v) -> {
            if (secretKeys.contains(k) && !isSecret(v)) {
                b.putFields(k, Value.newBuilder().setStructValue(Struct.newBuilder()
                        .putFields(SIG_KEY, Value.newBuilder().setStringValue(SECRET_SIG).build())
                        .putFields("value", v)).build());
            }
        });
        return b.build();
    }

    private static boolean isSecret(Value v) {
        if (!v.hasStructValue()) {
            return false;
        }
        Value sig = v.getStructValue().getFieldsMap().get(SIG_KEY);
        return sig != null && SECRET_SIG.equals(sig.getStringValue());
    }

    private static Object decodeValue(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case BOOL_VALUE -> value.getBoolValue();
            case STRING_VALUE -> UNKNOWN_SENTINEL.equals(value.getStringValue()) ? Unknown.VALUE : value.getStringValue();
            case NUMBER_VALUE -> decodeNumber(value.getNumberValue());
            case LIST_VALUE -> decodeList(value.getListValue());
            case STRUCT_VALUE -> decodeStruct(value.getStructValue());
        };
    }

    private static Object decodeNumber(double d) {
        if (d == Math.rint(d) && Math.abs(d) <= MAX_EXACT) {
            return (long) d;
        }
        return Double.isFinite(d) ? BigDecimal.valueOf(d) : d;
    }

    private static List<Object> decodeList(ListValue list) {
        List<Object> out = new ArrayList<>(list.getValuesCount());
        for (Value v : list.getValuesList()) {
            out.add(decodeValue(v));
        }
        return out;
    }

    private static Object decodeStruct(Struct struct) {
        Map<String, Value> fields = struct.getFieldsMap();
        Value sig = fields.get(SIG_KEY);
        if (sig != null && sig.hasStringValue()) {
            if (SECRET_SIG.equals(sig.getStringValue())) {
                // The core works on plain values; keepSecrets marks the answer's properties again.
                Value inner = fields.get("value");
                return inner == null ? null : decodeValue(inner);
            }
            if (OUTPUT_SIG.equals(sig.getStringValue())) {
                Value inner = fields.get("value");
                return inner == null ? Unknown.VALUE : decodeValue(inner);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(k, decodeValue(v)));
        return out;
    }

    private static Struct encodeMap(Map<String, ?> map) {
        Struct.Builder b = Struct.newBuilder();
        map.forEach((k, v) -> {
            if (v != null) {
                b.putFields(k, encodeValue(v));
            }
        });
        return b.build();
    }

    private static Value encodeValue(Object v) {
        if (v == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (v == Unknown.VALUE) {
            return Value.newBuilder().setStringValue(UNKNOWN_SENTINEL).build();
        }
        if (v instanceof String s) {
            return Value.newBuilder().setStringValue(s).build();
        }
        if (v instanceof Boolean bool) {
            return Value.newBuilder().setBoolValue(bool).build();
        }
        if (v instanceof Number n) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        }
        if (v instanceof List<?> list) {
            ListValue.Builder lb = ListValue.newBuilder();
            list.forEach(item -> lb.addValues(encodeValue(item)));
            return Value.newBuilder().setListValue(lb).build();
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> typed = new LinkedHashMap<>();
            map.forEach((k, val) -> typed.put(String.valueOf(k), val));
            return Value.newBuilder().setStructValue(encodeMap(typed)).build();
        }
        throw new IllegalArgumentException("cannot encode a " + v.getClass().getSimpleName());
    }
}
