package cn.lishui.police.overseas.compatriot;

import java.time.Instant;

/** The compatriot's recorded consent to keep their family's details and to let the police visit them. */
public record Consent(boolean given, Instant at, String recordedBy, String statement) {
}
