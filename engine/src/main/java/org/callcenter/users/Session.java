package org.callcenter.users;

import java.time.Instant;

/** Who is behind a token, and until when. */
public record Session(String username, Role role, Instant expiresAt) {}
