package dev.escalation.app;

import io.camunda.client.annotation.Deployment;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The escalation engine: REST API and UI, job workers, and the ledger, against a Camunda 8 cluster. */
@SpringBootApplication(scanBasePackages = "dev.escalation")
@ConfigurationPropertiesScan
// One deployment for models, decisions and forms: the business rule tasks bind the decision deployed with
// their process version (bindingType="deployment"), so open tickets keep the criteria table they started with.
@Deployment(resources = {"classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:processes/*.form"})
public class EscalationApplication {

  public static void main(String[] args) {
    SpringApplication.run(EscalationApplication.class, args);
  }
}
