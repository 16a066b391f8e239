import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { httpRulesOf, templatePath } from '../../src/core/resolve/protoRoutes';
import { analyseFiles } from '../helpers';

const LIBRARY_PROTO = `syntax = "proto3";
package shelves.v1;

import "google/api/annotations.proto";

// A service of shelves. The word service in a comment { is no block }.
service LibraryService {
  rpc ListShelves(ListShelvesRequest) returns (ListShelvesResponse) {
    option (google.api.http) = {get: "/v1/shelves"};
  }
  /* Several bindings, one of them custom. */
  rpc GetShelf(GetShelfRequest) returns (Shelf) {
    option (google.api.http) = {
      get: "/v1/{name=shelves/*}"
      additional_bindings {
        custom: { kind: "HEAD" path: "/v1/{name=shelves/*}" }
      }
      additional_bindings { get: "/v1/libraries/{library_id}/shelves/{shelf_id}" }
    };
  }
  rpc UpdateShelf(UpdateShelfRequest) returns (Shelf) {
    option (google.api.http) = {
      patch: "/v1/{shelf.name=shelves/*}"
      body: "shelf"
    };
  }
  rpc Ping(PingRequest) returns (PingResponse);
  rpc Stream(StreamRequest) returns (stream StreamResponse) {
    option deprecated = true;
  }
}

message GetShelfRequest { string name = 1; }
`;

describe('the HTTP rules of .proto services', () => {
  it("reads each RPC's verbs and paths, its additional and custom bindings, and nothing of an RPC without a rule or of comments", () => {
    const rules = httpRulesOf('api/library.proto', LIBRARY_PROTO).map((rule) => `${rule.service}.${rule.rpc} ${rule.method} ${rule.template} @${rule.line}`);
    assert.deepEqual(rules, [
      'LibraryService.ListShelves GET /v1/shelves @8',
      'LibraryService.GetShelf GET /v1/{name=shelves/*} @13',
      'LibraryService.GetShelf HEAD /v1/{name=shelves/*} @15',
      'LibraryService.GetShelf GET /v1/libraries/{library_id}/shelves/{shelf_id} @17',
      'LibraryService.UpdateShelf PATCH /v1/{shelf.name=shelves/*} @22',
    ]);
  });

  it('writes a variable bound to segments as those segments, each wildcard the field, and keeps a custom verb', () => {
    assert.equal(templatePath('/v1/{name=shelves/*}'), '/v1/shelves/{name}');
    assert.equal(templatePath('/v1/{shelf.name=shelves/*/books/*}'), '/v1/shelves/{name}/books/{name_2}');
    assert.equal(templatePath('/v1/{id}/files/{path=**}'), '/v1/{id}/files/{path}');
    assert.equal(templatePath('/api/v1/ai:transcribe'), '/api/v1/ai:transcribe');
    assert.equal(templatePath('/v1/{broken'), '/v1/{broken');
  });

  it('are routes of a workspace that imports the gateway, served by the method of the server its registration is handed, not the stub', async () => {
    const files = {
      'go.mod': 'module example.com/library\n\ngo 1.22\n',
      'proto/library.proto': LIBRARY_PROTO,
      'gen/library_grpc.pb.go': `package gen

import "context"

type LibraryServiceServer interface {
	ListShelves(context.Context, *ListShelvesRequest) (*ListShelvesResponse, error)
	GetShelf(context.Context, *GetShelfRequest) (*Shelf, error)
	UpdateShelf(context.Context, *UpdateShelfRequest) (*Shelf, error)
}

type UnimplementedLibraryServiceServer struct{}

func (UnimplementedLibraryServiceServer) ListShelves(context.Context, *ListShelvesRequest) (*ListShelvesResponse, error) { return nil, nil }
func (UnimplementedLibraryServiceServer) GetShelf(context.Context, *GetShelfRequest) (*Shelf, error) { return nil, nil }
func (UnimplementedLibraryServiceServer) UpdateShelf(context.Context, *UpdateShelfRequest) (*Shelf, error) { return nil, nil }

type ListShelvesRequest struct{}
type ListShelvesResponse struct{}
type GetShelfRequest struct{}
type UpdateShelfRequest struct{}
type Shelf struct{}
`,
      'server/api.go': `package server

import (
	"context"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"

	"example.com/library/gen"
)

type API struct {
	gen.UnimplementedLibraryServiceServer
}

func (s *API) ListShelves(ctx context.Context, request *gen.ListShelvesRequest) (*gen.ListShelvesResponse, error) { return nil, nil }
func (s *API) GetShelf(ctx context.Context, request *gen.GetShelfRequest) (*gen.Shelf, error) { return nil, nil }
func (s *API) UpdateShelf(ctx context.Context, request *gen.UpdateShelfRequest) (*gen.Shelf, error) { return nil, nil }

// A test double with the same methods: the registration says which one serves.
type fakeAPI struct{}

func (f *fakeAPI) ListShelves(ctx context.Context, request *gen.ListShelvesRequest) (*gen.ListShelvesResponse, error) { return nil, nil }
func (f *fakeAPI) GetShelf(ctx context.Context, request *gen.GetShelfRequest) (*gen.Shelf, error) { return nil, nil }
func (f *fakeAPI) UpdateShelf(ctx context.Context, request *gen.UpdateShelfRequest) (*gen.Shelf, error) { return nil, nil }

func (s *API) Register(ctx context.Context) error {
	mux := runtime.NewServeMux()
	return gen.RegisterLibraryServiceHandlerServer(ctx, mux, s)
}
`,
    };
    const routes = (await analyseFiles(files)).routes.filter((route) => route.framework === 'grpc-gateway').map((route) => `${route.method} ${route.path} -> ${route.handler}`);
    assert.deepEqual(routes.sort(), [
      'GET /v1/libraries/{library_id}/shelves/{shelf_id} -> server/api.go:API.GetShelf',
      'GET /v1/shelves -> server/api.go:API.ListShelves',
      'GET /v1/shelves/{name} -> server/api.go:API.GetShelf',
      'HEAD /v1/shelves/{name} -> server/api.go:API.GetShelf',
      'PATCH /v1/shelves/{name} -> server/api.go:API.UpdateShelf',
    ]);
    // Without a registration, the one implementation of the server interface that is not the stub serves; with two, none.
    const unregistered = { ...files, 'server/api.go': files['server/api.go'].replace('gen.RegisterLibraryServiceHandlerServer(ctx, mux, s)', 'nil').replace(/\/\/ A test double[^]*?func \(s \*API\) Register/, 'func (s *API) Register') };
    const fallback = (await analyseFiles(unregistered)).routes.filter((route) => route.framework === 'grpc-gateway').map((route) => `${route.method} ${route.path} -> ${route.handler}`);
    assert.deepEqual(fallback.sort(), routes.sort());
    const twoServers = { ...files, 'server/api.go': files['server/api.go'].replace('gen.RegisterLibraryServiceHandlerServer(ctx, mux, s)', 'nil') };
    assert.deepEqual((await analyseFiles(twoServers)).routes.filter((route) => route.framework === 'grpc-gateway'), []);
    // A service name two proto packages declare is served by neither's guess.
    const twoVersions = { ...files, 'proto/library_v2.proto': LIBRARY_PROTO.replace('package shelves.v1;', 'package shelves.v2;').split('/v1/').join('/v2/') };
    assert.deepEqual((await analyseFiles(twoVersions)).routes.filter((route) => route.framework === 'grpc-gateway'), []);
    // Without the gateway's package imported, the rules are no routes.
    const withoutGateway = { ...files, 'server/api.go': files['server/api.go'].replace('\t"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"\n', '').replace('runtime.NewServeMux()', 'struct{}{}') };
    assert.deepEqual((await analyseFiles(withoutGateway)).routes.filter((route) => route.framework === 'grpc-gateway'), []);
  });
});
