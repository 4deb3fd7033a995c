// Package api holds the OpenAPI 3 description of dyad's HTTP server
// (openapi.yaml), embedded so that the server can serve it at
// /api/openapi.yaml and its tests can check every path against it.
package api

import _ "embed"

// OpenAPI is the OpenAPI 3.0 document of the server, as YAML.
//
//go:embed openapi.yaml
var OpenAPI []byte
