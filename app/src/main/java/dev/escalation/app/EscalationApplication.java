package dev.escalation.app;

import io.camunda.client.annotation.Deployment;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The escalation engine: REST API and UI, job workers, and the ledger, against a Camunda 8 cluster. */
@SpringBootApplication(scanBasePackages = "dev.escalation")
@ConfigurationPropertiesScan
@Deployment(resources = {"classpath*:processes/*.dmn", "classpath*:processes/*.form", "classpath*:processes/*.bpmn"})
public class EscalationApplication {

  public static void main(String[] args) {
    SpringApplication.run(EscalationApplication.class, args);
  }
}
