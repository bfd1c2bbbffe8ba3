package io.camunda.zeebe.process.test.engine.db;

import io.camunda.zeebe.db.DbValue;
import io.camunda.zeebe.db.TransactionOperation;
import io.camunda.zeebe.db.ZeebeDbTransaction;
import java.nio.ByteBuffer;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Replaces the in-memory engine's class of the same name (zeebe-process-test 8.8.21, test scope
 * only; this file comes first on the test classpath). Same behaviour, one change: the original's
 * {@code newIterator()} copied the whole state (every column family) into a new TreeMap for every
 * prefix scan, so each engine command cost time proportional to everything the engine holds, and a
 * storm of 1,000 breaching tickets took minutes (see the README, "Benchmark"). Here an iterator is a
 * merged view: the committed state, read in place from the seek position to the end of its column
 * family, overlaid with a snapshot of this transaction's own (small) writes and deletes, which is what
 * the copy amounted to.
 *
 * <p>Written for this project from the class's observable behaviour; the engine is used only for
 * tests and the local embedded runtime, never in production (see the README, "Licence boundary").
 */
final class InMemoryDbTransaction implements ZeebeDbTransaction, InMemoryDbState {
  private final TreeMap<Bytes, Bytes> database;
  private final TreeMap<Bytes, Bytes> transactionCache = new TreeMap<>();
  private final HashSet<Bytes> deletedKeys = new HashSet<>();
  private boolean inCurrentTransaction;

  InMemoryDbTransaction(TreeMap<Bytes, Bytes> database) {
    this.database = database;
  }

  void resetTransaction() {
    rollback();
    inCurrentTransaction = true;
  }

  public boolean isInCurrentTransaction() {
    return inCurrentTransaction;
  }

  @Override
  public void run(TransactionOperation operations) throws Exception {
    operations.run();
  }

  @Override
  public void commit() {
    inCurrentTransaction = false;
    database.putAll(transactionCache);
    deletedKeys.forEach(database::remove);
    deletedKeys.clear();
    transactionCache.clear();
  }

  @Override
  public void rollback() {
    inCurrentTransaction = false;
    deletedKeys.clear();
    transactionCache.clear();
  }

  @Override
  public void put(FullyQualifiedKey key, DbValue value) {
    deletedKeys.remove(key.getKeyBytes());
    transactionCache.put(key.getKeyBytes(), Bytes.fromDbValue(value));
  }

  @Override
  public byte[] get(FullyQualifiedKey key) {
    Bytes bytes = key.getKeyBytes();
    if (deletedKeys.contains(bytes)) {
      return null;
    }
    Bytes value = transactionCache.get(bytes);
    if (value == null) {
      value = database.get(bytes);
    }
    return value == null ? null : value.toBytes();
  }

  @Override
  public void delete(FullyQualifiedKey key) {
    Bytes bytes = key.getKeyBytes();
    transactionCache.remove(bytes);
    deletedKeys.add(bytes);
  }

  @Override
  public InMemoryDbIterator newIterator() {
    return new InMemoryDbIterator(new Overlay(database, new TreeMap<>(transactionCache), new HashSet<>(deletedKeys), null));
  }

  @Override
  public boolean contains(FullyQualifiedKey key) {
    Bytes bytes = key.getKeyBytes();
    return !deletedKeys.contains(bytes) && (transactionCache.containsKey(bytes) || database.containsKey(bytes));
  }

  /**
   * The committed state overlaid with a transaction's writes (which win) minus its deletes, from
   * {@code from} on. Supports what the engine's iterator uses: {@code tailMap} and forward iteration.
   */
  private static final class Overlay extends AbstractMap<Bytes, Bytes> implements SortedMap<Bytes, Bytes> {
    private static final int COLUMN_FAMILY_BYTES = Long.BYTES;
    private final TreeMap<Bytes, Bytes> committed;
    private final TreeMap<Bytes, Bytes> written;
    private final Set<Bytes> deleted;
    private final Bytes from;

    Overlay(TreeMap<Bytes, Bytes> committed, TreeMap<Bytes, Bytes> written, Set<Bytes> deleted, Bytes from) {
      this.committed = committed;
      this.written = written;
      this.deleted = deleted;
      this.from = from;
    }

    @Override
    public SortedMap<Bytes, Bytes> tailMap(Bytes fromKey) {
      Bytes start = from == null || fromKey.compareTo(from) > 0 ? fromKey : from;
      return new Overlay(committed, written, deleted, start);
    }

    @Override
    public Set<Entry<Bytes, Bytes>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<Bytes, Bytes>> iterator() {
          return new Merge(tail(committed), tail(written), deleted);
        }

        @Override
        public int size() {
          int size = 0;
          for (Iterator<Entry<Bytes, Bytes>> it = iterator(); it.hasNext(); it.next()) {
            size++;
          }
          return size;
        }
      };
    }

    /**
     * From the seek position to the end of its column family: every scan of the engine filters by a
     * prefix that starts with the column family, so the keys after it could never match (the
     * original read on through the rest of the state).
     */
    private Iterator<Entry<Bytes, Bytes>> tail(TreeMap<Bytes, Bytes> map) {
      if (from == null) {
        return map.entrySet().iterator();
      }
      byte[] start = from.toBytes();
      if (start.length < COLUMN_FAMILY_BYTES) {
        return map.tailMap(from, true).entrySet().iterator();
      }
      long columnFamily = ByteBuffer.wrap(start, 0, COLUMN_FAMILY_BYTES).getLong(); // big-endian, as ZeebeDbConstants
      Bytes nextColumnFamily = Bytes.fromByteArray(ByteBuffer.allocate(COLUMN_FAMILY_BYTES).putLong(columnFamily + 1).array());
      return map.subMap(from, true, nextColumnFamily, false).entrySet().iterator();
    }

    @Override
    public Comparator<? super Bytes> comparator() {
      return null;
    }

    @Override
    public Bytes firstKey() {
      Iterator<Entry<Bytes, Bytes>> it = entrySet().iterator();
      if (!it.hasNext()) {
        throw new NoSuchElementException();
      }
      return it.next().getKey();
    }

    @Override
    public SortedMap<Bytes, Bytes> subMap(Bytes fromKey, Bytes toKey) {
      throw new UnsupportedOperationException("the engine's iterator only seeks forward");
    }

    @Override
    public SortedMap<Bytes, Bytes> headMap(Bytes toKey) {
      throw new UnsupportedOperationException("the engine's iterator only seeks forward");
    }

    @Override
    public Bytes lastKey() {
      throw new UnsupportedOperationException("the engine's iterator only seeks forward");
    }
  }

  /** Merges two sorted entry streams; on equal keys the transaction's write wins; deleted keys are skipped. */
  private static final class Merge implements Iterator<Map.Entry<Bytes, Bytes>> {
    private final Iterator<Map.Entry<Bytes, Bytes>> committed;
    private final Iterator<Map.Entry<Bytes, Bytes>> written;
    private final Set<Bytes> deleted;
    private Map.Entry<Bytes, Bytes> nextCommitted;
    private Map.Entry<Bytes, Bytes> nextWritten;
    private Map.Entry<Bytes, Bytes> next;

    Merge(Iterator<Map.Entry<Bytes, Bytes>> committed, Iterator<Map.Entry<Bytes, Bytes>> written, Set<Bytes> deleted) {
      this.committed = committed;
      this.written = written;
      this.deleted = deleted;
      nextCommitted = advance(committed);
      nextWritten = advance(written);
      next = compute();
    }

    private static Map.Entry<Bytes, Bytes> advance(Iterator<Map.Entry<Bytes, Bytes>> it) {
      return it.hasNext() ? it.next() : null;
    }

    private Map.Entry<Bytes, Bytes> compute() {
      while (nextCommitted != null || nextWritten != null) {
        Map.Entry<Bytes, Bytes> candidate;
        if (nextWritten == null) {
          candidate = nextCommitted;
          nextCommitted = advance(committed);
        } else if (nextCommitted == null) {
          candidate = nextWritten;
          nextWritten = advance(written);
        } else {
          int order = nextCommitted.getKey().compareTo(nextWritten.getKey());
          if (order < 0) {
            candidate = nextCommitted;
            nextCommitted = advance(committed);
          } else {
            if (order == 0) {
              nextCommitted = advance(committed);
            }
            candidate = nextWritten;
            nextWritten = advance(written);
          }
        }
        if (!deleted.contains(candidate.getKey())) {
          return Map.entry(candidate.getKey(), candidate.getValue());
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
        throw new NoSuchElementException();
      }
      Map.Entry<Bytes, Bytes> current = next;
      next = compute();
      return current;
    }
  }
}
