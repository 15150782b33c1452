package com.vpssnap.provider.terraform;

import com.google.protobuf.ByteString;
import com.vpssnap.provider.terraform.cty.CtyJson;
import com.vpssnap.provider.terraform.cty.CtyMsgpack;
import com.vpssnap.provider.terraform.cty.CtyType;
import com.vpssnap.provider.terraform.proto.Tfplugin6.DynamicValue;

import java.util.Map;

/** tfplugin6.DynamicValue to and from the Java values the cty codecs use: msgpack out, either in. */
final class DynamicValues {
    private DynamicValues() {
    }

    /** An object value, or null when the value is null or absent (a destroy's planned state, no identity). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(DynamicValue value, CtyType type) {
        Object decoded = !value.getMsgpack().isEmpty() ? CtyMsgpack.decode(value.getMsgpack().toByteArray(), type)
                : !value.getJson().isEmpty() ? CtyJson.decode(value.getJson().toByteArray(), type) : null;
        return (Map<String, Object>) decoded;
    }

    static DynamicValue dynamic(Object value, CtyType type) {
        return DynamicValue.newBuilder().setMsgpack(ByteString.copyFrom(CtyMsgpack.encode(value, type))).build();
    }
}
