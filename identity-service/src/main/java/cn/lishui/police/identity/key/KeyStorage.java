package cn.lishui.police.identity.key;

import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;

/** Where the signing keys live: a JWK set file, configuration, or (tests) memory. */
interface KeyStorage {

    /** The keys, oldest first; the last one with a private part signs. */
    List<RSAKey> load();

    /** Whether {@link #save} can keep a rotated key set. */
    boolean writable();

    void save(List<RSAKey> keys);

    /** Where the keys come from, for the log (never the keys). */
    String describe();
}
