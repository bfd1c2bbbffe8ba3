package dev.escalation.app.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/** JSON request bodies must be valid UTF-8 (RFC 8259): invalid bytes are a 400 naming the body, never stored as another character. */
@ControllerAdvice
class StrictUtf8Bodies extends RequestBodyAdviceAdapter {

  @Override
  public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
    return AbstractJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
  }

  @Override
  public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
    if (!declaresUtf8(input.getHeaders().getContentType())) {
      return input;
    }
    byte[] body = input.getBody().readAllBytes();
    var invalid = Utf8Bytes.firstInvalid(body);
    if (invalid.isPresent()) {
      throw new InvalidUtf8Body(invalid.getAsInt(), input);
    }
    return new HttpInputMessage() {
      @Override
      public InputStream getBody() {
        return new ByteArrayInputStream(body);
      }

      @Override
      public HttpHeaders getHeaders() {
        return input.getHeaders();
      }
    };
  }

  /** No charset means UTF-8 for JSON; a body that declares another charset is Jackson's to read. */
  private static boolean declaresUtf8(MediaType type) {
    Charset charset = type == null ? null : type.getCharset();
    return charset == null || charset.equals(StandardCharsets.UTF_8);
  }

  static final class InvalidUtf8Body extends HttpMessageNotReadableException {
    InvalidUtf8Body(int offset, HttpInputMessage input) {
      super("must be valid UTF-8: the bytes from offset " + offset + " are not (overlong, cut off or out of range)", input);
    }
  }
}
