package com.vpssnap.provider.terraform.cty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A cty type, as Terraform writes it in JSON: "string", ["list","number"], ["object",{...}]. */
public sealed interface CtyType {
    CtyType STRING = new Primitive("string");
    CtyType NUMBER = new Primitive("number");
    CtyType BOOL = new Primitive("bool");

    record Primitive(String name) implements CtyType {
    }

    /** list, set or map of one element type. */
    record Collection(String kind, CtyType element) implements CtyType {
    }

    /** Attribute names in sorted order, as cty encodes objects. */
    record ObjectType(Map<String, CtyType> attributes) implements CtyType {
        public ObjectType {
            attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
        }
    }

    static CtyType list(CtyType element) {
        return new Collection("list", element);
    }

    static CtyType set(CtyType element) {
        return new Collection("set", element);
    }

    static CtyType map(CtyType element) {
        return new Collection("map", element);
    }

    static CtyType object(Map<String, CtyType> attributes) {
        return new ObjectType(attributes);
    }

    /** The JSON form, as the schema's {@code type} bytes carry it. */
    default JsonNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (this instanceof Primitive p) {
            return f.textNode(p.name());
        }
        ArrayNode out = f.arrayNode();
        if (this instanceof Collection c) {
            out.add(c.kind()).add(c.element().toJson());
        } else if (this instanceof ObjectType o) {
            ObjectNode attrs = f.objectNode();
            o.attributes().forEach((k, v) -> attrs.set(k, v.toJson()));
            out.add("object").add(attrs);
        }
        return out;
    }

    default byte[] toJsonBytes() {
        try {
            return new ObjectMapper().writeValueAsBytes(toJson());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static CtyType parse(JsonNode json) {
        if (json.isTextual()) {
            return switch (json.asText()) {
                case "string" -> STRING;
                case "number" -> NUMBER;
                case "bool" -> BOOL;
                default -> throw new IllegalArgumentException("unsupported cty type " + json);
            };
        }
        String kind = json.path(0).asText();
        if (kind.equals("object")) {
            Map<String, CtyType> attributes = new LinkedHashMap<>();
            json.path(1).fields().forEachRemaining(e -> attributes.put(e.getKey(), parse(e.getValue())));
            return new ObjectType(attributes);
        }
        if (kind.equals("list") || kind.equals("set") || kind.equals("map")) {
            return new Collection(kind, parse(json.path(1)));
        }
        throw new IllegalArgumentException("unsupported cty type " + json);
    }
}
