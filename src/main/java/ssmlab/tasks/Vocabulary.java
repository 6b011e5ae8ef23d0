package ssmlab.tasks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A fixed, finite list of tokens; a token's id is its index in the list. */
public final class Vocabulary {

  /** The padding token that fills an input a task cannot make exactly as long as asked. */
  public static final String PAD = "<pad>";

  private final List<String> tokens;
  private final Map<String, Integer> ids;

  public Vocabulary(List<String> tokens) {
    this.tokens = List.copyOf(tokens);
    this.ids = HashMap.newHashMap(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      if (ids.putIfAbsent(tokens.get(i), i) != null) {
        throw new IllegalArgumentException("duplicate token in vocabulary: " + tokens.get(i));
      }
    }
  }

  public static Vocabulary of(String... tokens) {
    return new Vocabulary(List.of(tokens));
  }

  public int size() {
    return tokens.size();
  }

  public List<String> tokens() {
    return tokens;
  }

  public String token(int id) {
    return tokens.get(id);
  }

  public boolean contains(String token) {
    return ids.containsKey(token);
  }

  /** The id of {@code token}; throws {@link IllegalArgumentException} if it is not here. */
  public int id(String token) {
    Integer id = ids.get(token);
    if (id == null) {
      throw new IllegalArgumentException("token not in vocabulary: " + token);
    }
    return id;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Vocabulary v && v.tokens.equals(tokens);
  }

  @Override
  public int hashCode() {
    return tokens.hashCode();
  }

  @Override
  public String toString() {
    return tokens.toString();
  }
}
