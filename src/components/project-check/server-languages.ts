/**
 * How to start a server on a chosen port, per language the roadmaps teach: the note under "Start your server" on
 * every project page. The checker needs only the port; the notes also say what each framework does by default that
 * the contracts ask for differently (problem details for errors).
 */
import type { SERVER_LANGUAGE_NAMES } from '../../schemas/shared.ts';

export interface ServerLanguage {
  /** The roadmap's language, as its "practise in" link names it. */
  name: (typeof SERVER_LANGUAGE_NAMES)[number];
  framework: string;
  /** A command or line that listens on 127.0.0.1:8080. */
  listen: string;
  /** What to know so the contract's checks pass, in a sentence. */
  note: string;
}

export const SERVER_LANGUAGES: readonly ServerLanguage[] = [
  {
    name: 'Go',
    framework: 'net/http',
    listen: 'http.ListenAndServe("127.0.0.1:8080", mux)',
    note: 'Since Go 1.22 a `ServeMux` matches methods and wildcards (`"GET /tasks/{id}"`, read with `r.PathValue("id")`); write problem details yourself, with `Content-Type: application/problem+json`.',
  },
  {
    name: 'Java',
    framework: 'Spring Boot',
    listen: './mvnw spring-boot:run -Dspring-boot.run.arguments=--server.port=8080',
    note: 'Spring Boot 3 answers errors as RFC 9457 problem details once `spring.mvc.problemdetails.enabled=true`, and a controller can return a `ProblemDetail` itself.',
  },
  {
    name: 'C#',
    framework: 'ASP.NET Core minimal APIs',
    listen: 'dotnet run --urls http://127.0.0.1:8080',
    note: '`builder.Services.AddProblemDetails()` and `Results.Problem(...)` give problem details; `Results.NotFound()` alone sends no body.',
  },
  {
    name: 'Rust',
    framework: 'Axum',
    listen: 'axum::serve(tokio::net::TcpListener::bind("127.0.0.1:8080").await?, app).await?',
    note: 'Return `(StatusCode, [(CONTENT_TYPE, "application/problem+json")], body)` for errors; `Json<T>` rejects a malformed body with 400 or 422 as plain text unless you map the rejection.',
  },
  {
    name: 'PHP',
    framework: 'Laravel',
    listen: 'php artisan serve --host=127.0.0.1 --port=8080',
    note: 'Routes in `routes/api.php` are served under `/api`, so pass `--base http://127.0.0.1:8080/api`; render exceptions as problem details in `bootstrap/app.php`.',
  },
  {
    name: 'Python',
    framework: 'FastAPI',
    listen: 'uvicorn main:app --host 127.0.0.1 --port 8080',
    note: 'FastAPI answers invalid input with 422 as `application/json`; add an exception handler for `RequestValidationError` that returns `application/problem+json`.',
  },
  {
    name: 'Node',
    framework: 'Express or Fastify',
    listen: "app.listen(8080, '127.0.0.1')  // Fastify: await app.listen({ port: 8080, host: '127.0.0.1' })",
    note: "Express 5's `express.json()` passes a malformed body to your error handler as a 400 error; answer it as problem details rather than the default HTML page.",
  },
];
