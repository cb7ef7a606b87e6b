package cn.lishui.police.identity.key;

import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/identity/admin/keys")
@PreAuthorize("hasRole('ADMIN')")
class KeyRotationController {

    private final SigningKeys keys;

    KeyRotationController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    KeySetView keys() {
        return KeySetView.of(keys);
    }

    /** A new key signs from now on; the older ones stay published, so their tokens stay valid until they expire. */
    @PostMapping("/rotate")
    KeySetView rotate() {
        keys.rotate();
        return KeySetView.of(keys);
    }

    /** Key ids and issue times only: never key material. */
    record KeySetView(String activeKeyId, List<KeyView> keys) {

        static KeySetView of(SigningKeys keys) {
            return new KeySetView(keys.active().getKeyID(), keys.published().stream().map(KeyView::of).toList());
        }
    }

    record KeyView(String keyId, Instant issuedAt) {

        static KeyView of(RSAKey key) {
            return new KeyView(key.getKeyID(), key.getIssueTime() == null ? null : key.getIssueTime().toInstant());
        }
    }
}
