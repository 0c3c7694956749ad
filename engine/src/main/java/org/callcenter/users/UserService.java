package org.callcenter.users;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.callcenter.common.ConflictException;
import org.callcenter.common.InvalidInputException;
import org.callcenter.store.Blocking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** API users: first admin, login with opaque bearer tokens, token checks. */
public final class UserService {
    private static final Logger log = LoggerFactory.getLogger(UserService.class);
    public static final int MIN_PASSWORD = 10;

    private final UserRepository users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final Blocking blocking;
    private final Clock clock;
    private final Duration tokenTtl;
    private final SecureRandom random = new SecureRandom();

    public UserService(
            UserRepository users,
            SessionStore sessions,
            PasswordHasher hasher,
            Blocking blocking,
            Clock clock,
            Duration tokenTtl) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.blocking = blocking;
        this.clock = clock;
        this.tokenTtl = tokenTtl;
    }

    /**
     * On first start (no user at all) creates "admin" with {@code configuredPassword}, or with a
     * generated one that is printed once. Blocking; safe when several instances start together.
     */
    public void ensureAdmin(String configuredPassword) {
        if (users.count() > 0) return;
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generatePassword() : configuredPassword;
        User admin = new User("admin", "Administrator", Role.ADMIN, hasher.hash(password), clock.instant());
        if (!users.insert(admin)) return;
        if (generated) {
            // printed once, on purpose: the operator needs it to log in the first time
            System.out.println("==> First start: created user 'admin' with generated password: " + password);
            log.warn("created user 'admin' with a generated password (printed once on standard output)");
        } else {
            log.info("created user 'admin' with the password from ADMIN_PASSWORD");
        }
    }

    public record Login(String token, Session session, long ttlSeconds) {}

    public Future<Login> login(String username, String password) {
        return blocking.run(() -> {
            Optional<User> user = users.find(username);
            if (user.isEmpty() || !hasher.matches(password, user.get().passwordHash())) return null;
            String token = newToken();
            Session session =
                    new Session(username, user.get().role(), clock.instant().plus(tokenTtl));
            sessions.put(hash(token), session, tokenTtl);
            return new Login(token, session, tokenTtl.toSeconds());
        });
    }

    /** The session behind a bearer token, if it is valid and unexpired. */
    public Future<Optional<Session>> authenticate(String token) {
        if (token == null || token.length() < 20 || token.length() > 100)
            return Future.succeededFuture(Optional.empty());
        return blocking.run(
                () -> sessions.get(hash(token)).filter(s -> s.expiresAt().isAfter(clock.instant())));
    }

    public Future<Void> logout(String token) {
        return blocking.run(() -> {
            sessions.remove(hash(token));
            return null;
        });
    }

    public Future<User> create(String username, String displayName, Role role, String password) {
        if (password.length() < MIN_PASSWORD)
            throw InvalidInputException.of("password", "must be at least " + MIN_PASSWORD + " characters");
        if (!username.matches("[a-z0-9][a-z0-9._-]{1,39}"))
            throw InvalidInputException.of(
                    "username", "must be 2-40 characters: lower-case letters, digits, '.', '_', '-'");
        return blocking.run(() -> {
            User user = new User(username, displayName, role, hasher.hash(password), clock.instant());
            if (!users.insert(user)) throw new ConflictException("user " + username + " exists", null);
            return user;
        });
    }

    public Future<List<User>> all() {
        return blocking.run(users::all);
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String generatePassword() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
