package com.vpssnap.provider.pulumi;

import com.google.protobuf.Any;
import com.google.protobuf.Empty;
import com.google.rpc.Code;
import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.core.CheckResult;
import com.vpssnap.provider.core.Clouds;
import com.vpssnap.provider.core.ConfigKey;
import com.vpssnap.provider.core.ConfigSpelling;
import com.vpssnap.provider.core.Created;
import com.vpssnap.provider.core.DiffResult;
import com.vpssnap.provider.core.Operation;
import com.vpssnap.provider.core.PackageInfo;
import com.vpssnap.provider.core.PartialCreateException;
import com.vpssnap.provider.core.Props;
import com.vpssnap.provider.core.ProviderConfig;
import com.vpssnap.provider.core.ReadResult;
import com.vpssnap.provider.core.SnapshotFunction;
import com.vpssnap.provider.core.SnapshotResource;
import com.vpssnap.provider.core.ValidationFailure;
import com.vpssnap.provider.core.VpssnapProvider;
import com.vpssnap.provider.core.spec.Timeouts;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import pulumirpc.Plugin.PluginInfo;
import pulumirpc.Provider.CheckFailure;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.ConfigureResponse;
import pulumirpc.Provider.ConstructRequest;
import pulumirpc.Provider.ConstructResponse;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DeleteRequest;
import pulumirpc.Provider.DiffRequest;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.ErrorResourceInitFailed;
import pulumirpc.Provider.GetSchemaRequest;
import pulumirpc.Provider.GetSchemaResponse;
import pulumirpc.Provider.InvokeRequest;
import pulumirpc.Provider.InvokeResponse;
import pulumirpc.Provider.ProviderHandshakeRequest;
import pulumirpc.Provider.ProviderHandshakeResponse;
import pulumirpc.Provider.ReadRequest;
import pulumirpc.Provider.ReadResponse;
import pulumirpc.Provider.UpdateRequest;
import pulumirpc.Provider.UpdateResponse;
import pulumirpc.ResourceProviderGrpc;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * pulumirpc.ResourceProvider over the core: it decodes requests, calls the core, and encodes
 * results and errors. Decisions (validation, diffs, waits) belong to the core.
 */
final class PulumiProviderService extends ResourceProviderGrpc.ResourceProviderImplBase {
    private static final Logger LOG = Logger.getLogger(PulumiProviderService.class.getName());
    /** Used when the program sets no customTimeouts: snapshots of big disks take minutes. */

    private final Map<String, String> environment;
    private final EngineLog engineLog;
    private final Cancellation cancellation = new Cancellation();
    private final Supplier<String> schema;
    private volatile VpssnapProvider provider;

    PulumiProviderService(Map<String, String> environment, EngineLog engineLog) {
        this.environment = environment;
        this.engineLog = engineLog;
        this.provider = VpssnapProvider.configure(
                ProviderConfig.resolve(Map.of(), environment, ConfigSpelling.PULUMI), cancellation);
        this.schema = PulumiSchema::render;
    }

    Cancellation cancellation() {
        return cancellation;
    }

    @Override
    public void handshake(ProviderHandshakeRequest request, StreamObserver<ProviderHandshakeResponse> out) {
        engineLog.connect(request.getEngineAddress());
        // Secrets accepted: the engine constructs components only with plugins that accept them.
        reply(out, ProviderHandshakeResponse.newBuilder().setAcceptSecrets(true).build());
    }

    @Override
    public void getPluginInfo(Empty request, StreamObserver<PluginInfo> out) {
        reply(out, PluginInfo.newBuilder().setVersion(PackageInfo.VERSION).build());
    }

    @Override
    public void getSchema(GetSchemaRequest request, StreamObserver<GetSchemaResponse> out) {
        reply(out, GetSchemaResponse.newBuilder().setSchema(schema.get()).build());
    }

    @Override
    public void checkConfig(CheckRequest request, StreamObserver<CheckResponse> out) {
        run(out, () -> {
            Props news = StructCodec.decode(request.getNews());
            ProviderConfig config = ProviderConfig.resolve(configValues(news), environment, ConfigSpelling.PULUMI);
            return CheckResponse.newBuilder().setInputs(request.getNews())
                    .addAllFailures(failures(config.validateEndpoints())).build();
        });
    }

    @Override
    public void diffConfig(DiffRequest request, StreamObserver<DiffResponse> out) {
        // Settings only say where and how to call; changing them never replaces a snapshot.
        reply(out, DiffResponse.newBuilder().setChanges(DiffResponse.DiffChanges.DIFF_NONE).build());
    }

    @Override
    public void configure(ConfigureRequest request, StreamObserver<ConfigureResponse> out) {
        run(out, () -> {
            Map<ConfigKey, String> given = request.hasArgs()
                    ? configValues(StructCodec.decode(request.getArgs()))
                    : configVariables(request.getVariablesMap());
            provider = VpssnapProvider.configure(
                    ProviderConfig.resolve(given, environment, ConfigSpelling.PULUMI), cancellation);
            return ConfigureResponse.newBuilder().setAcceptSecrets(true).setSupportsPreview(true).build();
        });
    }

    @Override
    public void check(CheckRequest request, StreamObserver<CheckResponse> out) {
        run(out, () -> {
            SnapshotResource resource = resource(request.getType(), request.getUrn());
            CheckResult result = resource.check(StructCodec.decode(request.getNews()));
            return CheckResponse.newBuilder()
                    .setInputs(StructCodec.keepSecrets(StructCodec.encode(result.inputs()), StructCodec.secretKeys(request.getNews())))
                    .addAllFailures(failures(result.failures())).build();
        });
    }

    @Override
    public void diff(DiffRequest request, StreamObserver<DiffResponse> out) {
        run(out, () -> {
            SnapshotResource resource = resource(request.getType(), request.getUrn());
            Props olds = StructCodec.decode(request.getOlds());
            Props news = StructCodec.decode(request.getNews());
            DiffResult diff = resource.diff(request.getId(), olds, news);
            boolean deleteFirst = !diff.replaces().isEmpty() && resource.deleteBeforeReplace(olds, news);
            return PulumiDiffs.toResponse(diff, deleteFirst, olds, news);
        });
    }

    @Override
    public void create(CreateRequest request, StreamObserver<CreateResponse> out) {
        run(out, () -> {
            SnapshotResource resource = resource(request.getType(), request.getUrn());
            Props inputs = StructCodec.decode(request.getProperties());
            Set<String> secrets = StructCodec.secretKeys(request.getProperties());
            if (request.getPreview()) {
                return CreateResponse.newBuilder()
                        .setProperties(StructCodec.keepSecrets(StructCodec.encode(resource.preview(inputs)), secrets)).build();
            }
            Operation op = operation(request.getUrn(), request.getTimeout(), resource.spec().timeouts().create());
            try {
                Created created = resource.create(inputs, op);
                return CreateResponse.newBuilder().setId(created.id())
                        .setProperties(StructCodec.keepSecrets(StructCodec.encode(created.state()), secrets)).build();
            } catch (PartialCreateException e) {
                throw initFailed(e);
            }
        });
    }

    @Override
    public void read(ReadRequest request, StreamObserver<ReadResponse> out) {
        run(out, () -> {
            SnapshotResource resource = resource(request.getType(), request.getUrn());
            Operation op = operation(request.getUrn(), 0, resource.spec().timeouts().read());
            Set<String> secrets = StructCodec.secretKeys(request.getProperties());
            secrets.addAll(StructCodec.secretKeys(request.getInputs()));
            return resource.read(request.getId(), StructCodec.decode(request.getProperties()), op)
                    .map(result -> readResponse(result, secrets))
                    .orElseGet(() -> ReadResponse.newBuilder().setId("").build());
        });
    }

    @Override
    public void update(UpdateRequest request, StreamObserver<UpdateResponse> out) {
        run(out, () -> {
            SnapshotResource resource = resource(request.getType(), request.getUrn());
            Props olds = StructCodec.decode(request.getOlds());
            Props news = StructCodec.decode(request.getNews());
            Props state = request.getPreview()
                    ? resource.previewUpdate(olds, news)
                    : resource.update(request.getId(), olds, news,
                    operation(request.getUrn(), request.getTimeout(), resource.spec().timeouts().update()));
            return UpdateResponse.newBuilder()
                    .setProperties(StructCodec.keepSecrets(StructCodec.encode(state), StructCodec.secretKeys(request.getNews())))
                    .build();
        });
    }

    @Override
    public void delete(DeleteRequest request, StreamObserver<Empty> out) {
        run(out, () -> {
            SnapshotResource resource = resource(request.getType(), request.getUrn());
            resource.delete(request.getId(), StructCodec.decode(request.getProperties()),
                    operation(request.getUrn(), request.getTimeout(), resource.spec().timeouts().delete()));
            return Empty.getDefaultInstance();
        });
    }

    @Override
    public void invoke(InvokeRequest request, StreamObserver<InvokeResponse> out) {
        run(out, () -> {
            SnapshotFunction function = provider.function(request.getTok()).orElseThrow(() -> Status.INVALID_ARGUMENT
                    .withDescription("unknown function " + request.getTok() + "; this provider has "
                            + PackageInfo.FUNCTIONS.stream().map(f -> f.token()).toList())
                    .asRuntimeException());
            CheckResult checked = function.check(StructCodec.decode(request.getArgs()));
            if (!checked.ok()) {
                return InvokeResponse.newBuilder().addAllFailures(failures(checked.failures())).build();
            }
            Props result = function.invoke(checked.inputs(), operation("", 0, Timeouts.SNAPSHOT.read()));
            return InvokeResponse.newBuilder().setReturn(StructCodec.encode(result)).build();
        });
    }

    /** Components: the engine asks the plugin to register RollbackPoints and its snapshots. */
    @Override
    public void construct(ConstructRequest request, StreamObserver<ConstructResponse> out) {
        run(out, () -> {
            try {
                return RollbackPointsConstruct.construct(request);
            } catch (RuntimeException e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Status.CANCELLED.withDescription("interrupted while registering " + request.getName()).asRuntimeException();
            } catch (Exception e) {
                throw Status.UNKNOWN.withDescription(request.getName() + ": " + e.getMessage()).asRuntimeException();
            }
        });
    }

    @Override
    public void cancel(Empty request, StreamObserver<Empty> out) {
        LOG.info("cancel requested by the engine: stopping every wait");
        cancellation.cancel();
        reply(out, Empty.getDefaultInstance());
    }

    private SnapshotResource resource(String type, String urn) {
        String token = type.isEmpty() ? typeFromUrn(urn) : type;
        return provider.resource(token).orElseThrow(() -> Status.INVALID_ARGUMENT
                .withDescription("unknown resource type " + token + "; this provider has "
                        + PackageInfo.RESOURCES.stream().map(r -> r.token()).toList())
                .asRuntimeException());
    }

    /** urn:pulumi:stack::project::parent$type::name; older engines send no type field. */
    static String typeFromUrn(String urn) {
        String[] parts = urn.split("::");
        if (parts.length < 4) {
            return urn;
        }
        String qualified = parts[2];
        return qualified.substring(qualified.lastIndexOf('$') + 1);
    }

    private Operation operation(String urn, double timeoutSeconds, Duration fallback) {
        Duration timeout = timeoutSeconds > 0 ? Duration.ofMillis((long) (timeoutSeconds * 1000)) : fallback;
        return Operation.within(timeout, cancellation, new StatusThrottle(urn, engineLog::status));
    }

    private static ReadResponse readResponse(ReadResult result, Set<String> secrets) {
        return ReadResponse.newBuilder().setId(result.id())
                .setProperties(StructCodec.keepSecrets(StructCodec.encode(result.state()), secrets))
                .setInputs(StructCodec.keepSecrets(StructCodec.encode(result.inputs()), secrets)).build();
    }

    private static StatusRuntimeException initFailed(PartialCreateException e) {
        ErrorResourceInitFailed detail = ErrorResourceInitFailed.newBuilder()
                .setId(e.id()).setProperties(StructCodec.encode(e.state())).addReasons(e.getMessage()).build();
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(Code.UNKNOWN_VALUE).setMessage(e.getMessage()).addDetails(Any.pack(detail)).build();
        return StatusProto.toStatusRuntimeException(status);
    }

    private static List<CheckFailure> failures(List<ValidationFailure> failures) {
        return failures.stream()
                .map(f -> CheckFailure.newBuilder().setProperty(f.property()).setReason(f.reason()).build())
                .toList();
    }

    private static Map<ConfigKey, String> configValues(Props props) {
        Map<ConfigKey, String> values = new LinkedHashMap<>();
        props.asMap().forEach((k, v) -> Clouds.setting(k).ifPresent(key -> {
            if (v instanceof String s) {
                values.put(key, s);
            }
        }));
        return values;
    }

    /** Older engines send config as {@code vpssnap:config:locawebToken} variables. */
    private static Map<ConfigKey, String> configVariables(Map<String, String> variables) {
        Map<ConfigKey, String> values = new LinkedHashMap<>();
        variables.forEach((k, v) -> Clouds.setting(k.substring(k.lastIndexOf(':') + 1))
                .ifPresent(key -> values.put(key, v)));
        return values;
    }

    private static <T> void reply(StreamObserver<T> out, T value) {
        out.onNext(value);
        out.onCompleted();
    }

    /** Runs one call; every failure becomes a gRPC status whose text the engine shows the user. */
    private <T> void run(StreamObserver<T> out, Supplier<T> call) {
        try {
            reply(out, call.get());
        } catch (StatusRuntimeException e) {
            out.onError(e);
        } catch (RuntimeException e) {
            out.onError(PulumiErrors.toStatus(e));
        }
    }
}
