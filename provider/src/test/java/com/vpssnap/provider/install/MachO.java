package com.vpssnap.provider.install;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The little of a 64-bit Mach-O file's header that the macOS packages' inspection needs: its CPU
 * and whether it carries a code signature (an LC_CODE_SIGNATURE load command). Apple Silicon
 * refuses to run arm64 code without one, and Gatekeeper rejects a signature whose bytes changed.
 */
record MachO(String cpu, boolean signed) {
    private static final int MAGIC_64 = 0xfeedfacf;
    private static final int CPU_X86_64 = 0x01000007;
    private static final int CPU_ARM64 = 0x0100000c;
    private static final int LC_CODE_SIGNATURE = 0x1d;
    private static final int HEADER_SIZE = 32;

    /** The file's Mach-O header, or empty when it is no (thin, 64-bit, little-endian) Mach-O file. */
    static Optional<MachO> read(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.limit() < HEADER_SIZE || bytes.getInt(0) != MAGIC_64) {
            return Optional.empty();
        }
        int cpuType = bytes.getInt(4);
        int commands = bytes.getInt(16);
        boolean signed = false;
        int offset = HEADER_SIZE;
        for (int i = 0; i < commands && offset + 8 <= bytes.limit(); i++) {
            signed |= bytes.getInt(offset) == LC_CODE_SIGNATURE;
            offset += bytes.getInt(offset + 4);
        }
        String cpu = switch (cpuType) {
            case CPU_ARM64 -> "arm64";
            case CPU_X86_64 -> "x86_64";
            default -> "cpu type " + Integer.toHexString(cpuType);
        };
        return Optional.of(new MachO(cpu, signed));
    }
}
