"use strict";
// The OpenAPI page, from the vendored Swagger UI (no CDN); a file, not an inline script, for the CSP.
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
