package dev.escalation.app.fault;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Lets a test hold every database access of the app while it restarts the database: how long a
 * MariaDB restart takes depends on the machine's load, and without the gate each second of it would
 * be a worker failing again and using up a retry. With the gate closed, workers wait instead, just
 * as they would for a pool whose connection timeout outlasts the outage.
 */
@TestConfiguration(proxyBeanMethods = false)
class DatabaseGate {
  private static volatile CountDownLatch closed;
  private static volatile DataSource pool;

  @Bean
  static BeanPostProcessor gatedDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Gated)) {
          pool = dataSource;
          return new Gated(dataSource);
        }
        return bean;
      }
    };
  }

  static void close() {
    closed = new CountDownLatch(1);
  }

  static void open() {
    CountDownLatch gate = closed;
    closed = null;
    if (gate != null) {
      gate.countDown();
    }
  }

  /** A connection straight from the pool, past the gate: to see whether the database is back. */
  static Connection poolConnection() throws SQLException {
    return pool.getConnection();
  }

  private static final class Gated extends DelegatingDataSource {
    Gated(DataSource pool) {
      super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
      pass();
      return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      pass();
      return super.getConnection(username, password);
    }

    private static void pass() throws SQLException {
      CountDownLatch gate = closed;
      try {
        if (gate != null && !gate.await(2, TimeUnit.MINUTES)) {
          throw new SQLException("the database gate stayed closed");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted at the database gate", e);
      }
    }
  }
}
