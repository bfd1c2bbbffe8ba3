package dev.escalation.workers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.processes.modelcheck.BpmnModelCheck;
import dev.escalation.processes.modelcheck.ElementTemplates;
import io.camunda.client.annotation.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The model check's last rules: every job type in every deployed model, and every Modeler element
 * template, has exactly one worker class.
 */
class JobWorkerCoverageTest {

  @Test
  void everyJobTypeOfEveryDeployedModelHasAWorkerAndEveryWorkerClassHandlesOneType() throws Exception {
    Map<String, List<String>> workersByType = workerClassesByJobType();
    Resource[] models = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn");
    assertThat(models).isNotEmpty();

    Set<String> modelTypes = new TreeSet<>();
    for (Resource model : models) {
      try (var in = model.getInputStream()) {
        var instance = Bpmn.readModelFromStream(in);
        assertThat(BpmnModelCheck.violations(instance, workersByType.keySet())).as(model.getFilename()).isEmpty();
        modelTypes.addAll(BpmnModelCheck.jobTypes(instance));
      }
    }
    assertThat(workersByType).allSatisfy((type, classes) -> assertThat(classes).as(type).hasSize(1));
    assertThat(workersByType.keySet()).as("workers without a model task").isEqualTo(modelTypes);
  }

  @Test
  void everyServiceTaskTemplateSetsAJobTypeThatOneWorkerHandles() throws Exception {
    Map<String, List<String>> workersByType = workerClassesByJobType();
    Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/element-templates/*.json");
    assertThat(templates).isNotEmpty();

    Set<String> templateTypes = new TreeSet<>();
    for (Resource template : templates) {
      try (var in = template.getInputStream()) {
        var read = ElementTemplates.read(in);
        if (ElementTemplates.calledDecision(read).isPresent()) {
          continue; // a business rule task: the engine evaluates it, no worker (ElementTemplatesTest checks its decision)
        }
        String type = ElementTemplates.jobType(read)
            .orElseThrow(() -> new AssertionError(template.getFilename() + " sets no job type"));
        assertThat(workersByType.get(type)).as("worker classes for template %s", template.getFilename()).hasSize(1);
        templateTypes.add(type);
      }
    }
    assertThat(templateTypes).as("job types with a template").isEqualTo(workersByType.keySet());
  }

  static Map<String, List<String>> workerClassesByJobType() throws ClassNotFoundException {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    Map<String, List<String>> byType = new HashMap<>();
    for (var candidate : scanner.findCandidateComponents("dev.escalation.workers")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      int handlers = 0;
      for (Method method : type.getDeclaredMethods()) {
        JobWorker worker = method.getAnnotation(JobWorker.class);
        if (worker != null) {
          handlers++;
          byType.computeIfAbsent(worker.type(), t -> new ArrayList<>()).add(type.getSimpleName());
        }
      }
      assertThat(handlers).as("job handlers in %s", type.getSimpleName()).isLessThanOrEqualTo(1);
    }
    return byType;
  }
}
