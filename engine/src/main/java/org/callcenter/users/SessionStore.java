package org.callcenter.users;

import java.time.Duration;
import java.util.Optional;

/** Login sessions by token hash, shared by every engine instance (Redis). Blocking. */
public interface SessionStore {
    void put(String tokenHash, Session session, Duration ttl);

    Optional<Session> get(String tokenHash);

    void remove(String tokenHash);
}
