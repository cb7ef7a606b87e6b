package cn.lishui.police.identity.key;

import java.time.Clock;
import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;

/** A key made per run, kept in memory: the in-memory embedded store of tests. */
final class InMemoryKeys implements KeyStorage {

    private final Clock clock;

    InMemoryKeys(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<RSAKey> load() {
        return List.of(SigningKeys.generate(clock.instant()));
    }

    @Override
    public boolean writable() {
        return true;
    }

    @Override
    public void save(List<RSAKey> keys) {
        // nothing outlives the run
    }

    @Override
    public String describe() {
        return "memory (this run only)";
    }
}
