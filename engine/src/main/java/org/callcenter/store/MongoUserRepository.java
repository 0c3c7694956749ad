package org.callcenter.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.callcenter.users.Role;
import org.callcenter.users.User;
import org.callcenter.users.UserRepository;

/** API users in {@code users}, username = _id. */
public final class MongoUserRepository implements UserRepository {
    private final MongoCollection<Document> users;

    public MongoUserRepository(MongoStore store) {
        this.users = store.database().getCollection("users");
    }

    @Override
    public boolean insert(User u) {
        try {
            users.insertOne(new Document("_id", u.username())
                    .append("displayName", u.displayName())
                    .append("role", BsonValues.name(u.role()))
                    .append("passwordHash", u.passwordHash())
                    .append("createdAt", BsonValues.date(u.createdAt())));
            return true;
        } catch (MongoException e) {
            if (BsonValues.duplicateKey(e)) return false;
            throw e;
        }
    }

    @Override
    public Optional<User> find(String username) {
        return Optional.ofNullable(users.find(eq("_id", username)).first()).map(MongoUserRepository::user);
    }

    @Override
    public List<User> all() {
        List<User> out = new ArrayList<>();
        users.find().forEach(d -> out.add(user(d)));
        return out;
    }

    @Override
    public long count() {
        return users.countDocuments();
    }

    private static User user(Document d) {
        return new User(
                d.getString("_id"),
                d.getString("displayName"),
                BsonValues.enumValue(d, "role", Role.class),
                d.getString("passwordHash"),
                BsonValues.instant(d, "createdAt"));
    }
}
