package org.callcenter.users;

import java.util.List;
import java.util.Optional;

/** API users in MongoDB (username = _id). Blocking; implemented in store/. */
public interface UserRepository {
    /** Inserts; false when the username is taken. */
    boolean insert(User user);

    Optional<User> find(String username);

    List<User> all();

    long count();
}
