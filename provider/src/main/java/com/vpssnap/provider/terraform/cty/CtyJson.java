package com.vpssnap.provider.terraform.cty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    public static Object decode(byte[] json, CtyType type) {
        try {
            return value(JSON.readTree(json), type);
        } catch (IOException e) {
            throw new UncheckedIOException("state is not JSON", e);
        }
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
            BigDecimal n = new BigDecimal(node.asText()).stripTrailingZeros();
            return n.scale() <= 0 ? (Object) n.longValueExact() : n;
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
