package io.camunda.zeebe.process.test.engine.db;

import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.DbKey;
import io.camunda.zeebe.db.DbValue;
import io.camunda.zeebe.db.KeyValuePairVisitor;
import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.ZeebeDbInconsistentException;
import io.camunda.zeebe.protocol.ColumnFamilyScope;
import io.camunda.zeebe.protocol.EnumValue;
import io.camunda.zeebe.protocol.ScopedColumnFamily;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Replaces the in-memory engine's class of the same name (zeebe-process-test 8.8.21, test scope
 * only; this file comes first on the test classpath), like {@link InMemoryDbTransaction}. Same
 * behaviour, one change: a prefix scan stops at the first key past the prefix, as a scan of the
 * real engine's RocksDB state does. The original skipped non-matching keys and read on to the end
 * of the state, so every look-up of a scope's variables cost time proportional to all variables of
 * all later instances; in the benchmark's storm that was half of the engine thread's time.
 *
 * <p>Written for this project from the interface's contract; the engine is used only for tests and
 * the local embedded runtime, never in production (see the README, "Licence boundary").
 */
final class InMemoryDbColumnFamily<
        Names extends Enum<? extends EnumValue> & EnumValue & ScopedColumnFamily,
        KeyType extends DbKey,
        ValueType extends DbValue>
    implements ColumnFamily<KeyType, ValueType> {

  private final Names columnFamily;
  private final TransactionContext context;
  private final KeyType keyInstance;
  private final ValueType valueInstance;
  private final InMemoryDbColumnFamilyIterationContext keys;

  InMemoryDbColumnFamily(Names columnFamily, TransactionContext context, KeyType keyInstance, ValueType valueInstance) {
    this.columnFamily = columnFamily;
    this.context = context;
    this.keyInstance = keyInstance;
    this.valueInstance = valueInstance;
    this.keys = new InMemoryDbColumnFamilyIterationContext(columnFamily.ordinal());
  }

  @Override
  public void insert(KeyType key, ValueType value) {
    inTransaction(state -> {
      FullyQualifiedKey qualified = qualified(key);
      if (state.contains(qualified)) {
        throw new ZeebeDbInconsistentException("Key " + key + " in ColumnFamily " + columnFamily + " already exists");
      }
      state.put(qualified, value);
    });
  }

  @Override
  public void update(KeyType key, ValueType value) {
    inTransaction(state -> {
      FullyQualifiedKey qualified = qualified(key);
      if (!state.contains(qualified)) {
        throw new ZeebeDbInconsistentException("Key " + key + " in ColumnFamily " + columnFamily + " does not exist");
      }
      state.put(qualified, value);
    });
  }

  @Override
  public void upsert(KeyType key, ValueType value) {
    inTransaction(state -> state.put(qualified(key), value));
  }

  @Override
  public ValueType get(KeyType key) {
    return get(key, () -> valueInstance);
  }

  @Override
  public ValueType get(KeyType key, Supplier<ValueType> valueSupplier) {
    byte[][] found = new byte[1][];
    inTransaction(state -> found[0] = state.get(qualified(key)));
    if (found[0] == null) {
      return null;
    }
    ValueType value = valueSupplier.get();
    value.wrap(new UnsafeBuffer(found[0]), 0, found[0].length);
    return value;
  }

  @Override
  public void forEach(Consumer<ValueType> consumer) {
    scan(DbNullKey.INSTANCE, DbNullKey.INSTANCE, (key, value) -> {
      consumer.accept(value);
      return true;
    });
  }

  @Override
  public void forEach(BiConsumer<KeyType, ValueType> consumer) {
    scan(DbNullKey.INSTANCE, DbNullKey.INSTANCE, all(consumer));
  }

  @Override
  public void whileTrue(KeyType startAtKey, KeyValuePairVisitor<KeyType, ValueType> visitor) {
    scan(startAtKey, DbNullKey.INSTANCE, visitor);
  }

  @Override
  public void whileTrue(KeyValuePairVisitor<KeyType, ValueType> visitor) {
    scan(DbNullKey.INSTANCE, DbNullKey.INSTANCE, visitor);
  }

  @Override
  public void whileEqualPrefix(DbKey keyPrefix, BiConsumer<KeyType, ValueType> visitor) {
    scan(keyPrefix, keyPrefix, all(visitor));
  }

  @Override
  public void whileEqualPrefix(DbKey keyPrefix, KeyValuePairVisitor<KeyType, ValueType> visitor) {
    scan(keyPrefix, keyPrefix, visitor);
  }

  @Override
  public void whileEqualPrefix(DbKey keyPrefix, KeyType startAtKey, KeyValuePairVisitor<KeyType, ValueType> visitor) {
    scan(startAtKey, keyPrefix, visitor);
  }

  @Override
  public void deleteExisting(KeyType key) {
    inTransaction(state -> {
      FullyQualifiedKey qualified = qualified(key);
      if (!state.contains(qualified)) {
        throw new ZeebeDbInconsistentException("Key " + key + " in ColumnFamily " + columnFamily + " does not exist");
      }
      state.delete(qualified);
    });
  }

  @Override
  public void deleteIfExists(KeyType key) {
    inTransaction(state -> state.delete(qualified(key)));
  }

  @Override
  public boolean exists(KeyType key) {
    boolean[] exists = new boolean[1];
    inTransaction(state -> exists[0] = state.get(qualified(key)) != null);
    return exists[0];
  }

  @Override
  public boolean isEmpty() {
    return count(DbNullKey.INSTANCE, 1) == 0;
  }

  @Override
  public long count() {
    return count(DbNullKey.INSTANCE, Long.MAX_VALUE);
  }

  @Override
  public long countEqualPrefix(DbKey prefix) {
    return count(prefix, Long.MAX_VALUE);
  }

  @Override
  public ColumnFamilyScope partitionScope() {
    return columnFamily.partitionScope();
  }

  private long count(DbKey prefix, long atMost) {
    long[] count = new long[1];
    inTransaction(state -> {
      for (Iterator<Map.Entry<Bytes, Bytes>> it = range(state, prefix, prefix); it.hasNext() && count[0] < atMost; it.next()) {
        count[0]++;
      }
    });
    return count[0];
  }

  /**
   * Visits the keys from {@code startAt} (from the first key with the prefix when null: the engine
   * passes null to start at the beginning) on that start with {@code prefix}, until the visitor says stop.
   */
  private void scan(DbKey startAt, DbKey prefix, KeyValuePairVisitor<KeyType, ValueType> visitor) {
    inTransaction(state -> {
      for (Iterator<Map.Entry<Bytes, Bytes>> it = range(state, startAt, prefix); it.hasNext(); ) {
        Map.Entry<Bytes, Bytes> entry = it.next();
        DirectBuffer key = FullyQualifiedKey.wrapKey(entry.getKey().toBytes());
        keyInstance.wrap(key, 0, key.capacity());
        byte[] value = entry.getValue().toBytes();
        valueInstance.wrap(new UnsafeBuffer(value), 0, value.length);
        if (!visitor.visit(keyInstance, valueInstance)) {
          return;
        }
      }
    });
  }

  /**
   * The entries from the seek key on, while their keys start with the prefix. Keys are sorted, so
   * the keys with a prefix are contiguous: the first key past them ends the range.
   */
  private Iterator<Map.Entry<Bytes, Bytes>> range(InMemoryDbState state, DbKey startAt, DbKey prefix) {
    byte[] seek = keys.keyWithColumnFamily(startAt == null ? prefix : startAt).array();
    byte[] prefixBytes = keys.keyWithColumnFamily(prefix).array();
    Iterator<Map.Entry<Bytes, Bytes>> all = state.newIterator().seek(seek, seek.length).iterate();
    return new Iterator<>() {
      private Map.Entry<Bytes, Bytes> next = advance();

      private Map.Entry<Bytes, Bytes> advance() {
        while (all.hasNext()) {
          Map.Entry<Bytes, Bytes> entry = all.next();
          byte[] key = entry.getKey().toBytes();
          if (startsWith(key, prefixBytes)) {
            return entry;
          }
          if (Arrays.compareUnsigned(key, prefixBytes) > 0) {
            return null; // past every key with the prefix (the map orders keys the same way, see Bytes)
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Map.Entry<Bytes, Bytes> next() {
        if (next == null) {
          throw new java.util.NoSuchElementException();
        }
        Map.Entry<Bytes, Bytes> current = next;
        next = advance();
        return current;
      }
    };
  }

  private static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  private FullyQualifiedKey qualified(DbKey key) {
    return new FullyQualifiedKey(columnFamily, key);
  }

  private void inTransaction(inMemoryDbStateOperation operation) {
    context.runInTransaction(() -> operation.run((InMemoryDbState) context.getCurrentTransaction()));
  }

  private KeyValuePairVisitor<KeyType, ValueType> all(BiConsumer<KeyType, ValueType> consumer) {
    return (key, value) -> {
      consumer.accept(key, value);
      return true;
    };
  }
}
