package com.vpssnap.provider.terraform.cty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** cty values in JSON, as Terraform stores state: the same Java forms as {@link CtyMsgpack}. */
public final class CtyJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CtyJson() {
    }

    /** The value, or IllegalArgumentException saying what is wrong with the state; nothing else. */
    public static Object decode(byte[] json, CtyType type) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("the state is not JSON (" + e.getClass().getSimpleName() + ")", e);
        }
        return value(tree, type);
    }

    private static Object value(JsonNode node, CtyType type) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (type == CtyType.STRING) {
            return node.asText();
        }
        if (type == CtyType.BOOL) {
            return node.asBoolean();
        }
        if (type == CtyType.NUMBER) {
            BigDecimal n;
            try {
                n = new BigDecimal(node.asText()).stripTrailingZeros();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number in the state, got " + node.getNodeType());
            }
            // A whole number that fits a long is one; a larger one stays exact.
            return n.scale() <= 0 && n.precision() - n.scale() <= 18 ? (Object) n.longValueExact() : n;
        }
        if (type instanceof CtyType.Collection c && !c.kind().equals("map")) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(value(item, c.element())));
            return items;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (type instanceof CtyType.Collection c) {
            node.fields().forEachRemaining(e -> out.put(e.getKey(), value(e.getValue(), c.element())));
        } else {
            ((CtyType.ObjectType) type).attributes().forEach((name, t) -> out.put(name, value(node.get(name), t)));
        }
        return out;
    }
}
