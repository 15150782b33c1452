package com.vpssnap.provider.terraform;

import com.vpssnap.provider.core.ValidationFailure;
import com.vpssnap.provider.core.Spelling;
import com.vpssnap.provider.terraform.proto.Tfplugin6.AttributePath;
import com.vpssnap.provider.terraform.proto.Tfplugin6.Diagnostic;

import java.util.List;

/** Core failures as Terraform diagnostics, with the attribute path in Terraform's spelling. */
final class Diagnostics {
    private Diagnostics() {
    }

    static Diagnostic error(String summary, String detail) {
        return Diagnostic.newBuilder().setSeverity(Diagnostic.Severity.ERROR).setSummary(summary).setDetail(detail).build();
    }

    static List<Diagnostic> of(List<ValidationFailure> failures) {
        return failures.stream().map(f -> {
            String attribute = Spelling.TERRAFORM.name(f.property());
            return Diagnostic.newBuilder().setSeverity(Diagnostic.Severity.ERROR)
                    .setSummary("Invalid " + attribute)
                    .setDetail(attribute + ": " + Spelling.TERRAFORM.text(f.reason()))
                    .setAttribute(AttributePath.newBuilder()
                            .addSteps(AttributePath.Step.newBuilder().setAttributeName(attribute)))
                    .build();
        }).toList();
    }
}
