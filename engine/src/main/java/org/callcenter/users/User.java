package org.callcenter.users;

import java.time.Instant;

/** An API user; {@code passwordHash} is a PBKDF2 hash string, never the password. */
public record User(
        String username,
        String displayName,
        Role role,
        @com.fasterxml.jackson.annotation.JsonIgnore String passwordHash,
        Instant createdAt) {}
