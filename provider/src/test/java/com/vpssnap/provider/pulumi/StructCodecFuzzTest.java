package com.vpssnap.provider.pulumi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;

/**
 * The Pulumi engine sends properties as a protobuf Struct; StructCodec reads any Struct protobuf
 * can parse into our property values, or refuses with IllegalArgumentException.
 */
class StructCodecFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void decode(byte[] bytes) {
        Struct struct;
        try {
            struct = Struct.parseFrom(bytes);
        } catch (InvalidProtocolBufferException notAStruct) {
            return; // protobuf's own typed refusal, before our code
        }
        try {
            StructCodec.decode(struct);
        } catch (IllegalArgumentException expected) {
            // our typed refusal of a value we have no property shape for
        }
    }
}
