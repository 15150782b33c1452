package com.vpssnap.provider.terraform;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.vpssnap.provider.core.PackageInfo;
import com.vpssnap.provider.terraform.cty.CtyJson;
import com.vpssnap.provider.terraform.cty.CtyMsgpack;
import com.vpssnap.provider.terraform.cty.CtyType;

import java.util.ArrayList;
import java.util.List;

/**
 * The cty decoders read bytes tofu and terraform send (msgpack values, JSON state). Each either
 * returns a value or throws IllegalArgumentException, for every input and every type we decode
 * with; anything else (NullPointerException, ClassCastException, StackOverflowError,
 * OutOfMemoryError on a length prefix) is a bug the fuzzer reports.
 */
class CtyFuzzTest {
    private static final List<CtyType> TYPES = types();

    private static List<CtyType> types() {
        List<CtyType> types = new ArrayList<>(List.of(TerraformSchema.providerType()));
        PackageInfo.RESOURCES.forEach(r -> types.add(TerraformSchema.resourceType(r)));
        PackageInfo.FUNCTIONS.forEach(f -> types.add(TerraformSchema.dataSourceType(f)));
        types.add(CtyType.STRING);
        types.add(CtyType.NUMBER);
        types.add(CtyType.BOOL);
        return types;
    }

    @FuzzTest(maxDuration = "5s")
    void msgpackDecode(FuzzedDataProvider data) {
        CtyType type = TYPES.get(data.consumeInt(0, TYPES.size() - 1));
        try {
            CtyMsgpack.decode(data.consumeRemainingAsBytes(), type);
        } catch (IllegalArgumentException expected) {
            // our typed refusal of bytes that are not a value of this type
        }
    }

    @FuzzTest(maxDuration = "5s")
    void jsonDecode(FuzzedDataProvider data) {
        CtyType type = TYPES.get(data.consumeInt(0, TYPES.size() - 1));
        try {
            CtyJson.decode(data.consumeRemainingAsBytes(), type);
        } catch (IllegalArgumentException expected) {
            // our typed refusal of a state that is not JSON of this type
        }
    }
}
