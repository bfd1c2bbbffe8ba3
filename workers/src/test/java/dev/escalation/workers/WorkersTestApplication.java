package dev.escalation.workers;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot configuration that worker tests start: the workers module on its own. */
@SpringBootApplication
public class WorkersTestApplication {}
