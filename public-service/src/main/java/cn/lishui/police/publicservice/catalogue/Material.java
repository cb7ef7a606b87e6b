package cn.lishui.police.publicservice.catalogue;

import java.util.Objects;

/** A material an applicant hands in (申请材料): original or copy, how many, and whether an e-certificate will do. */
public record Material(String name, Form form, int count, boolean eCertificateAccepted) {

    public enum Form { ORIGINAL, COPY }

    public Material {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(form, "form");
        if (count < 1) {
            throw new IllegalArgumentException("a material is handed in at least once: " + name);
        }
    }
}
