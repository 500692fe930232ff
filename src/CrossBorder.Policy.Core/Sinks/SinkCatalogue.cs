using System;
using System.Collections.Generic;

namespace CrossBorder.Policy.Core.Sinks;

/// <summary>
/// The built-in catalogue of outbound sinks and of where their clients' endpoints come from. Pure data: adding a
/// library means adding rows here and tests, not engine code. Documented in docs/sinks.md (change both together).
/// </summary>
public static class SinkCatalogue
{
    /// <summary>The version of the data (<c>yyyy-MM-dd</c>).</summary>
    public const string Version = "2026-11-27";

    private const string HttpClient = "System.Net.Http.HttpClient";
    private const string HttpClientJson = "System.Net.Http.Json.HttpClientJsonExtensions";
    private const string RestClientExtensions = "RestSharp.RestClientExtensions";
    private const string FlurlExtensions = "Flurl.Http.GeneratedExtensions";
    private const string FlurlMultipart = "Flurl.Http.MultipartExtensions";

    /// <summary>The base of <c>BlobClient</c>, <c>BlockBlobClient</c>, <c>AppendBlobClient</c> and <c>PageBlobClient</c>.</summary>
    private const string SpecializedBlob = "Azure.Storage.Blobs.Specialized.BlobBaseClient";

    private static readonly string[] All = { SinkRow.AllParameters };

    /// <summary>Calls that send data out of the process.</summary>
    public static IReadOnlyList<SinkRow> Sinks { get; } = new[]
    {
        // HttpClient: the content and the URL (query strings carry data too) leave.
        Http("http-body", "System.Net.Http", HttpClient, new[] { "PostAsync", "PutAsync", "PatchAsync" }, new[] { "content", "requestUri" }, null,
            "await http.PostAsync(\"https://api.example.sg/people\", new StringContent(json));"),
        Http("http-url", "System.Net.Http", HttpClient, new[] { "GetAsync", "GetStringAsync", "GetByteArrayAsync", "GetStreamAsync", "DeleteAsync" }, new[] { "requestUri" }, null,
            "await http.GetStringAsync($\"https://api.example.sg/lookup?email={p.Email}\");"),
        new SinkRow
        {
            Id = "http-send", Library = "System.Net.Http", Protocol = "HTTP", TypeMetadataName = HttpClient, DisplayName = "HttpClient",
            MethodNames = new[] { "SendAsync", "Send" }, DataParameters = new[] { "request" },
            EndpointSource = SinkEndpointSource.RequestMessage, RequestParameter = "request",
            Example = "await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(p) });",
        },
        Http("http-json-body", "System.Net.Http.Json", HttpClientJson, new[] { "PostAsJsonAsync", "PutAsJsonAsync", "PatchAsJsonAsync" }, new[] { "value", "requestUri" }, "client",
            "await http.PostAsJsonAsync(\"https://api.example.sg/people\", person);"),
        Http("http-json-url", "System.Net.Http.Json", HttpClientJson, new[] { "GetFromJsonAsync", "DeleteFromJsonAsync" }, new[] { "requestUri" }, "client",
            "await http.GetFromJsonAsync<Reply>($\"https://api.example.sg/people/{p.Email}\");"),

        // Refit: every method of an interface carrying a Refit HTTP-method attribute; all its arguments leave.
        new SinkRow
        {
            Id = "refit", Library = "Refit", Protocol = "HTTP", DisplayName = "Refit", MethodAttribute = "Refit.HttpMethodAttribute",
            DataParameters = All, EndpointSource = SinkEndpointSource.ClientOrRegistration,
            Example = "[Post(\"/people\")] Task Create([Body] Person p);  api.Create(p);",
        },

        // gRPC: every call of a generated client (derived from Grpc.Core.ClientBase<T>) with a request message.
        new SinkRow
        {
            Id = "grpc", Library = "Grpc.Core.Api", Protocol = "gRPC", TypeMetadataName = "Grpc.Core.ClientBase`1", DisplayName = "gRPC client",
            MethodNames = new[] { SinkRow.AnyDerivedMethod }, DataParameters = new[] { "request" }, EndpointSource = SinkEndpointSource.ClientOrRegistration,
            Example = "await new Greeter.GreeterClient(GrpcChannel.ForAddress(url)).SayHelloAsync(request);",
        },

        // gRPC client-streaming and duplex calls: each message written to the call's request stream.
        new SinkRow
        {
            Id = "grpc-request-stream", Library = "Grpc.Core.Api", Protocol = "gRPC", TypeMetadataName = "Grpc.Core.IAsyncStreamWriter`1", DisplayName = "RequestStream",
            MethodNames = new[] { "WriteAsync" }, DataParameters = new[] { "message" },
            Example = "using var call = client.UploadPeople(); await call.RequestStream.WriteAsync(new PersonMessage { Name = p.Name });",
        },

        // RestSharp: the request (its body from AddJsonBody/AddBody, its resource and parameters) or the JSON value.
        new SinkRow
        {
            Id = "restsharp-execute", Library = "RestSharp", Protocol = "HTTP", TypeMetadataName = "RestSharp.RestClient", DisplayName = "RestClient",
            MethodNames = new[] { "ExecuteAsync" }, DataParameters = new[] { "request" },
            Example = "await client.ExecuteAsync(new RestRequest(\"people\", Method.Post).AddJsonBody(p));",
        },
        new SinkRow
        {
            Id = "restsharp-extensions", Library = "RestSharp", Protocol = "HTTP", TypeMetadataName = RestClientExtensions, DisplayName = "RestClient",
            MethodNames = new[]
            {
                "ExecuteAsync", "Execute", "ExecuteGetAsync", "ExecutePostAsync", "ExecutePost", "ExecutePutAsync", "ExecutePut",
                "GetAsync", "Get", "PostAsync", "Post", "PutAsync", "Put", "PatchAsync", "Patch", "DeleteAsync", "Delete",
                "PostJsonAsync", "PostJson", "PutJsonAsync", "PutJson",
            },
            DataParameters = new[] { "request", "resource", "parameters" }, ClientParameter = "client",
            Example = "await client.PostJsonAsync(\"people\", p);",
        },

        // Flurl: the URL string, Uri, Url or IFlurlRequest the call is made on, and the body.
        new SinkRow
        {
            Id = "flurl", Library = "Flurl.Http", Protocol = "HTTP", TypeMetadataName = FlurlExtensions, DisplayName = "Flurl",
            MethodNames = new[]
            {
                "SendAsync", "SendJsonAsync", "SendStringAsync", "SendUrlEncodedAsync", "GetAsync", "GetJsonAsync", "GetStringAsync",
                "GetStreamAsync", "GetBytesAsync", "PostAsync", "PostJsonAsync", "PostStringAsync", "PostUrlEncodedAsync",
                "PutAsync", "PutJsonAsync", "PutStringAsync", "PatchAsync", "PatchJsonAsync", "PatchStringAsync", "DeleteAsync",
            },
            DataParameters = All,
            Example = "await \"https://api.example.sg\".AppendPathSegment(\"people\").PostJsonAsync(p);",
        },
        new SinkRow
        {
            Id = "flurl-multipart", Library = "Flurl.Http", Protocol = "HTTP", TypeMetadataName = FlurlMultipart, DisplayName = "Flurl",
            MethodNames = new[] { "PostMultipartAsync" }, DataParameters = All,
            Example = "await request.PostMultipartAsync(mp => mp.AddString(\"name\", p.Name));",
        },
        new SinkRow
        {
            Id = "flurl-request", Library = "Flurl.Http", Protocol = "HTTP", TypeMetadataName = "Flurl.Http.IFlurlRequest", DisplayName = "Flurl",
            MethodNames = new[] { "SendAsync" }, DataParameters = All,
            Example = "await request.SendAsync(HttpMethod.Post, content);",
        },

        // AWS S3: the request object (ContentBody, InputStream, FilePath, metadata, key).
        new SinkRow
        {
            Id = "aws-s3", Library = "AWSSDK.S3", Protocol = "S3", TypeMetadataName = "Amazon.S3.IAmazonS3", DisplayName = "AmazonS3Client",
            MethodNames = new[] { "PutObjectAsync", "UploadPartAsync" }, DataParameters = new[] { "request" },
            Example = "await new AmazonS3Client(RegionEndpoint.EUWest1).PutObjectAsync(new PutObjectRequest { BucketName = \"b\", Key = \"k\", ContentBody = json });",
        },

        // AWS S3 TransferUtility: the stream, file path, key or upload request.
        new SinkRow
        {
            Id = "aws-s3-transfer", Library = "AWSSDK.S3", Protocol = "S3", TypeMetadataName = "Amazon.S3.Transfer.ITransferUtility", DisplayName = "TransferUtility",
            MethodNames = new[] { "Upload", "UploadAsync" }, DataParameters = new[] { "stream", "filePath", "key", "request" },
            Example = "await new TransferUtility(s3).UploadAsync(stream, \"bucket\", $\"people/{p.Email}\");",
        },

        // Azure Blob Storage: the content (stream, BinaryData or file path) and the blob name.
        new SinkRow
        {
            Id = "azure-blob", Library = "Azure.Storage.Blobs", Protocol = "Azure Blob", TypeMetadataName = "Azure.Storage.Blobs.BlobClient", DisplayName = "BlobClient",
            MethodNames = new[] { "Upload", "UploadAsync" }, DataParameters = new[] { "content", "path" },
            Example = "await new BlobClient(new Uri(\"https://acct.blob.core.windows.net/c/b\")).UploadAsync(BinaryData.FromString(json));",
        },
        new SinkRow
        {
            Id = "azure-blob-container", Library = "Azure.Storage.Blobs", Protocol = "Azure Blob", TypeMetadataName = "Azure.Storage.Blobs.BlobContainerClient", DisplayName = "BlobContainerClient",
            MethodNames = new[] { "UploadBlob", "UploadBlobAsync" }, DataParameters = new[] { "blobName", "content" },
            Example = "await container.UploadBlobAsync(\"people.json\", BinaryData.FromString(json));",
        },

        new SinkRow
        {
            Id = "azure-block-blob", Library = "Azure.Storage.Blobs", Protocol = "Azure Blob", TypeMetadataName = "Azure.Storage.Blobs.Specialized.BlockBlobClient", DisplayName = "BlockBlobClient",
            MethodNames = new[] { "Upload", "UploadAsync", "StageBlock", "StageBlockAsync" }, DataParameters = new[] { "content" },
            Example = "await container.GetBlockBlobClient(\"people.json\").UploadAsync(stream);",
        },
        new SinkRow
        {
            Id = "azure-append-blob", Library = "Azure.Storage.Blobs", Protocol = "Azure Blob", TypeMetadataName = "Azure.Storage.Blobs.Specialized.AppendBlobClient", DisplayName = "AppendBlobClient",
            MethodNames = new[] { "AppendBlock", "AppendBlockAsync" }, DataParameters = new[] { "content" },
            Example = "await new AppendBlobClient(new Uri(\"https://acct.blob.core.windows.net/c/log\")).AppendBlockAsync(stream);",
        },
        new SinkRow
        {
            Id = "azure-page-blob", Library = "Azure.Storage.Blobs", Protocol = "Azure Blob", TypeMetadataName = "Azure.Storage.Blobs.Specialized.PageBlobClient", DisplayName = "PageBlobClient",
            MethodNames = new[] { "UploadPages", "UploadPagesAsync" }, DataParameters = new[] { "content" },
            Example = "await container.GetPageBlobClient(\"disk\").UploadPagesAsync(stream, 0);",
        },

        // Kafka: the message (key, value, headers) and the topic.
        new SinkRow
        {
            Id = "kafka", Library = "Confluent.Kafka", Protocol = "Kafka", TypeMetadataName = "Confluent.Kafka.IProducer`2", DisplayName = "IProducer",
            MethodNames = new[] { "Produce", "ProduceAsync" }, DataParameters = new[] { "topic", "message" },
            Example = "await producer.ProduceAsync(\"people\", new Message<string, string> { Key = id, Value = json });",
        },

        // RabbitMQ.Client 7.x: the body, exchange, routing key and properties.
        new SinkRow
        {
            Id = "rabbitmq", Library = "RabbitMQ.Client", Protocol = "AMQP", TypeMetadataName = "RabbitMQ.Client.IChannel", DisplayName = "IChannel",
            MethodNames = new[] { "BasicPublishAsync" }, DataParameters = All,
            Example = "await channel.BasicPublishAsync(\"\", \"people\", true, props, body);",
        },
        new SinkRow
        {
            Id = "rabbitmq-extensions", Library = "RabbitMQ.Client", Protocol = "AMQP", TypeMetadataName = "RabbitMQ.Client.IChannelExtensions", DisplayName = "IChannel",
            MethodNames = new[] { "BasicPublishAsync" }, DataParameters = All, ClientParameter = "channel",
            Example = "await channel.BasicPublishAsync(exchange: \"\", routingKey: \"people\", body: Encoding.UTF8.GetBytes(json));",
        },

        // RabbitMQ.Client 6.x: the same, through IModel.
        new SinkRow
        {
            Id = "rabbitmq-6", Library = "RabbitMQ.Client", Protocol = "AMQP", TypeMetadataName = "RabbitMQ.Client.IModel", DisplayName = "IModel",
            MethodNames = new[] { "BasicPublish" }, DataParameters = All,
            Example = "channel.BasicPublish(\"\", \"people\", false, props, body);",
        },
        new SinkRow
        {
            // The 6.x extension class is spelled IModelExensions.
            Id = "rabbitmq-6-extensions", Library = "RabbitMQ.Client", Protocol = "AMQP", TypeMetadataName = "RabbitMQ.Client.IModelExensions", DisplayName = "IModel",
            MethodNames = new[] { "BasicPublish" }, DataParameters = All,
            Example = "channel.BasicPublish(\"\", \"people\", props, Encoding.UTF8.GetBytes(json));",
        },

        // SMTP: the message (body, subject, recipients, attachments) or the from/recipients/subject/body strings.
        new SinkRow
        {
            Id = "smtp", Library = "System.Net.Mail", Protocol = "SMTP", TypeMetadataName = "System.Net.Mail.SmtpClient", DisplayName = "SmtpClient",
            MethodNames = new[] { "Send", "SendAsync", "SendMailAsync" }, DataParameters = new[] { "message", "from", "recipients", "subject", "body" },
            Example = "new SmtpClient(\"smtp.example.sg\").Send(new MailMessage(\"noreply@example.cn\", p.Email, \"Hi\", body));",
        },
    };

    /// <summary>Where clients get their endpoints.</summary>
    public static IReadOnlyList<EndpointRow> Endpoints { get; } = new[]
    {
        Property("http-base-address", "System.Net.Http", HttpClient, "BaseAddress", EndpointValueKind.Url, null, "new HttpClient { BaseAddress = new Uri(\"https://api.example.sg/\") }"),
        new EndpointRow
        {
            Id = "http-named-client", Library = "Microsoft.Extensions.Http", Kind = EndpointRowKind.NamedRegistration, TypeMetadataName = "System.Net.Http.IHttpClientFactory",
            MemberNames = new[] { "CreateClient" }, ParameterNames = new[] { "name" }, Registration = "http-named",
            Example = "factory.CreateClient(\"partner\")  // services.AddHttpClient(\"partner\", c => c.BaseAddress = new Uri(...))",
        },

        Argument("refit-for-url", "Refit", "Refit.RestService", "For", new[] { "hostUrl" }, EndpointValueKind.Url, null, null, "RestService.For<IPartnerApi>(\"https://api.example.sg\")"),
        Argument("refit-for-client", "Refit", "Refit.RestService", "For", new[] { "client" }, EndpointValueKind.Carrier, null, null, "RestService.For<IPartnerApi>(httpClient)"),

        Argument("grpc-channel", "Grpc.Net.Client", "Grpc.Net.Client.GrpcChannel", "ForAddress", new[] { "address" }, EndpointValueKind.Url, null, null, "GrpcChannel.ForAddress(\"https://grpc.example.sg\")"),
        Argument("grpc-client", "Grpc.Core.Api", "Grpc.Core.ClientBase`1", EndpointRow.ConstructorName, new[] { "channel", "callInvoker" }, EndpointValueKind.Carrier, null, null, "new Greeter.GreeterClient(channel)"),

        new EndpointRow
        {
            Id = "grpc-streaming-call", Library = "Grpc.Core.Api", Kind = EndpointRowKind.Argument, TypeMetadataName = "Grpc.Core.ClientBase`1",
            MemberNames = new[] { EndpointRow.AnyMethod }, ParameterNames = new[] { EndpointRow.ThisParameter }, ValueKind = EndpointValueKind.Carrier,
            ResultTypeMetadataNames = new[] { "Grpc.Core.AsyncClientStreamingCall`2", "Grpc.Core.AsyncDuplexStreamingCall`2" }, ResultMembers = new[] { "RequestStream" },
            Registration = "grpc-client-factory",
            Example = "client.UploadPeople()  // its RequestStream carries the client's endpoint",
        },

        Argument("restsharp-client-url", "RestSharp", "RestSharp.RestClient", EndpointRow.ConstructorName, new[] { "baseUrl" }, EndpointValueKind.Url, null, null, "new RestClient(\"https://api.example.sg\")"),
        Argument("restsharp-client-options", "RestSharp", "RestSharp.RestClient", EndpointRow.ConstructorName, new[] { "options", "httpClient" }, EndpointValueKind.Carrier, null, null, "new RestClient(new RestClientOptions(\"https://api.example.sg\"))"),
        Argument("restsharp-options-url", "RestSharp", "RestSharp.RestClientOptions", EndpointRow.ConstructorName, new[] { "baseUrl" }, EndpointValueKind.Url, null, null, "new RestClientOptions(\"https://api.example.sg\")"),
        Property("restsharp-options-base-url", "RestSharp", "RestSharp.RestClientOptions", "BaseUrl", EndpointValueKind.Url, null, "new RestClientOptions { BaseUrl = new Uri(\"https://api.example.sg\") }"),

        Argument("flurl-client", "Flurl.Http", "Flurl.Http.FlurlClient", EndpointRow.ConstructorName, new[] { "baseUrl" }, EndpointValueKind.Url, null, null, "new FlurlClient(\"https://api.example.sg\")"),
        Argument("flurl-client-request", "Flurl.Http", "Flurl.Http.IFlurlClient", "Request", new[] { EndpointRow.ThisParameter }, EndpointValueKind.Carrier, null, null, "client.Request(\"people\")"),
        Argument("flurl-url-builder", "Flurl", "Flurl.GeneratedExtensions", "AppendPathSegment", new[] { "url", "uri" }, EndpointValueKind.Carrier, null, null, "\"https://api.example.sg\".AppendPathSegment(\"people\")"),
        Argument("flurl-url-builder-more", "Flurl", "Flurl.GeneratedExtensions", "AppendPathSegments", new[] { "url", "uri" }, EndpointValueKind.Carrier, null, null, "\"https://api.example.sg\".AppendPathSegments(\"v1\", \"people\")"),
        Argument("flurl-url-query", "Flurl", "Flurl.GeneratedExtensions", "SetQueryParam", new[] { "url", "uri" }, EndpointValueKind.Carrier, null, null, "\"https://api.example.sg\".SetQueryParam(\"q\", x)"),
        Argument("flurl-url-queries", "Flurl", "Flurl.GeneratedExtensions", "SetQueryParams", new[] { "url", "uri" }, EndpointValueKind.Carrier, null, null, "\"https://api.example.sg\".SetQueryParams(new { q = x })"),
        Argument("flurl-url-append-query", "Flurl", "Flurl.GeneratedExtensions", "AppendQueryParam", new[] { "url", "uri" }, EndpointValueKind.Carrier, null, null, "\"https://api.example.sg\".AppendQueryParam(\"q\", x)"),
        Argument("flurl-with-header", "Flurl.Http", FlurlExtensions, "WithHeader", new[] { "url", "uri" }, EndpointValueKind.Carrier, null, null, "\"https://api.example.sg\".WithHeader(\"X-Key\", key)"),

        new EndpointRow
        {
            Id = "aws-region-members", Library = "AWSSDK.Core", Kind = EndpointRowKind.StaticMember, TypeMetadataName = "Amazon.RegionEndpoint",
            ValueKind = EndpointValueKind.Text, StaticValues = AwsRegionNames.ByMemberName, Example = "RegionEndpoint.EUWest1",
        },
        Argument("aws-region-by-name", "AWSSDK.Core", "Amazon.RegionEndpoint", "GetBySystemName", new[] { "systemName" }, EndpointValueKind.Text, null, null, "RegionEndpoint.GetBySystemName(\"cn-north-1\")"),
        Argument("aws-s3-client-region", "AWSSDK.S3", "Amazon.S3.AmazonS3Client", EndpointRow.ConstructorName, new[] { "region" }, EndpointValueKind.AwsRegion, null, "s3", "new AmazonS3Client(RegionEndpoint.CNNorth1)"),
        Argument("aws-s3-client-config", "AWSSDK.S3", "Amazon.S3.AmazonS3Client", EndpointRow.ConstructorName, new[] { "config", "clientConfig" }, EndpointValueKind.Carrier, null, null, "new AmazonS3Client(new AmazonS3Config { RegionEndpoint = RegionEndpoint.EUWest1 })"),
        Property("aws-s3-config-region", "AWSSDK.S3", "Amazon.S3.AmazonS3Config", "RegionEndpoint", EndpointValueKind.AwsRegion, "s3", "new AmazonS3Config { RegionEndpoint = RegionEndpoint.EUWest1 }"),
        new EndpointRow
        {
            // The URL of a presigned request is an endpoint value: the client's regional endpoint. Data later sent to it
            // (HttpClient.PutAsync(url, content)) goes to the client's region.
            Id = "aws-s3-presigned-url", Library = "AWSSDK.S3", Kind = EndpointRowKind.Argument, TypeMetadataName = "Amazon.S3.IAmazonS3",
            MemberNames = new[] { "GetPreSignedURL", "GetPreSignedURLAsync" }, ParameterNames = new[] { EndpointRow.ThisParameter }, ValueKind = EndpointValueKind.Carrier, ValueIsEndpoint = true,
            Example = "s3.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = \"b\", Key = \"k\", Verb = HttpVerb.PUT, Expires = expires })",
        },
        Property("aws-s3-config-url", "AWSSDK.S3", "Amazon.S3.AmazonS3Config", "ServiceURL", EndpointValueKind.Url, null, "new AmazonS3Config { ServiceURL = \"https://s3.eu-west-1.amazonaws.com\" }"),

        Argument("azure-blob-uri", "Azure.Storage.Blobs", SpecializedBlob, EndpointRow.ConstructorName, new[] { "blobUri" }, EndpointValueKind.Url, null, null, "new BlobClient(new Uri(\"https://acct.blob.core.windows.net/c/b\"))"),
        Argument("azure-blob-connection", "Azure.Storage.Blobs", SpecializedBlob, EndpointRow.ConstructorName, new[] { "connectionString" }, EndpointValueKind.AzureStorageConnectionString, null, "blob", "new BlobClient(\"AccountName=acct;AccountKey=...;EndpointSuffix=core.chinacloudapi.cn\", \"c\", \"b\")"),
        Argument("azure-container-uri", "Azure.Storage.Blobs", "Azure.Storage.Blobs.BlobContainerClient", EndpointRow.ConstructorName, new[] { "blobContainerUri" }, EndpointValueKind.Url, null, null, "new BlobContainerClient(new Uri(\"https://acct.blob.core.windows.net/c\"))"),
        Argument("azure-container-connection", "Azure.Storage.Blobs", "Azure.Storage.Blobs.BlobContainerClient", EndpointRow.ConstructorName, new[] { "connectionString" }, EndpointValueKind.AzureStorageConnectionString, null, "blob", "new BlobContainerClient(connectionString, \"c\")"),
        Argument("azure-service-uri", "Azure.Storage.Blobs", "Azure.Storage.Blobs.BlobServiceClient", EndpointRow.ConstructorName, new[] { "serviceUri" }, EndpointValueKind.Url, null, null, "new BlobServiceClient(new Uri(\"https://acct.blob.core.windows.net\"))"),
        Argument("azure-service-connection", "Azure.Storage.Blobs", "Azure.Storage.Blobs.BlobServiceClient", EndpointRow.ConstructorName, new[] { "connectionString" }, EndpointValueKind.AzureStorageConnectionString, null, "blob", "new BlobServiceClient(connectionString)"),
        Argument("azure-service-container", "Azure.Storage.Blobs", "Azure.Storage.Blobs.BlobServiceClient", "GetBlobContainerClient", new[] { EndpointRow.ThisParameter }, EndpointValueKind.Carrier, null, null, "service.GetBlobContainerClient(\"c\")"),
        new EndpointRow
        {
            Id = "azure-container-specialized", Library = "Azure.Storage.Blobs", Kind = EndpointRowKind.Argument, TypeMetadataName = "Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions",
            MemberNames = new[] { "GetBlockBlobClient", "GetAppendBlobClient", "GetPageBlobClient", "GetBlobBaseClient" }, ParameterNames = new[] { "client" },
            ValueKind = EndpointValueKind.Carrier, Example = "container.GetBlockBlobClient(\"b\")",
        },
        Argument("azure-container-blob", "Azure.Storage.Blobs", "Azure.Storage.Blobs.BlobContainerClient", "GetBlobClient", new[] { EndpointRow.ThisParameter }, EndpointValueKind.Carrier, null, null, "container.GetBlobClient(\"b\")"),

        Argument("aws-s3-transfer-client", "AWSSDK.S3", "Amazon.S3.Transfer.TransferUtility", EndpointRow.ConstructorName, new[] { "s3Client" }, EndpointValueKind.Carrier, null, null, "new TransferUtility(new AmazonS3Client(RegionEndpoint.EUWest1))"),
        Argument("aws-s3-transfer-region", "AWSSDK.S3", "Amazon.S3.Transfer.TransferUtility", EndpointRow.ConstructorName, new[] { "region" }, EndpointValueKind.AwsRegion, null, "s3", "new TransferUtility(RegionEndpoint.CNNorthWest1)"),

        Property("kafka-bootstrap", "Confluent.Kafka", "Confluent.Kafka.ClientConfig", "BootstrapServers", EndpointValueKind.HostList, null, "new ProducerConfig { BootstrapServers = \"broker1.example.sg:9092,broker2.example.sg:9092\" }", "kafka"),
        Argument("kafka-builder", "Confluent.Kafka", "Confluent.Kafka.ProducerBuilder`2", EndpointRow.ConstructorName, new[] { "config" }, EndpointValueKind.Carrier, null, null, "new ProducerBuilder<string, string>(config)"),
        Argument("kafka-build", "Confluent.Kafka", "Confluent.Kafka.ProducerBuilder`2", "Build", new[] { EndpointRow.ThisParameter }, EndpointValueKind.Carrier, null, null, "builder.Build()"),

        Property("rabbitmq-host", "RabbitMQ.Client", "RabbitMQ.Client.ConnectionFactory", "HostName", EndpointValueKind.Host, null, "new ConnectionFactory { HostName = \"rabbit.example.sg\" }", "amqp"),
        Property("rabbitmq-uri", "RabbitMQ.Client", "RabbitMQ.Client.ConnectionFactory", "Uri", EndpointValueKind.Url, null, "new ConnectionFactory { Uri = new Uri(\"amqps://rabbit.example.sg\") }"),
        Argument("rabbitmq-connection", "RabbitMQ.Client", "RabbitMQ.Client.IConnectionFactory", "CreateConnectionAsync", new[] { EndpointRow.ThisParameter }, EndpointValueKind.Carrier, null, null, "await factory.CreateConnectionAsync()"),
        Argument("rabbitmq-channel", "RabbitMQ.Client", "RabbitMQ.Client.IConnection", "CreateChannelAsync", new[] { EndpointRow.ThisParameter }, EndpointValueKind.Carrier, null, null, "await connection.CreateChannelAsync()"),

        Argument("rabbitmq-6-connection", "RabbitMQ.Client", "RabbitMQ.Client.IConnectionFactory", "CreateConnection", new[] { EndpointRow.ThisParameter }, EndpointValueKind.Carrier, null, null, "factory.CreateConnection()"),
        HostList("rabbitmq-connection-hosts", "RabbitMQ.Client.IConnectionFactory", new[] { "CreateConnection", "CreateConnectionAsync" }, "hostnames", EndpointValueKind.Host, "amqp",
            "factory.CreateConnection(new[] { \"rabbit1.example.sg\", \"rabbit2.example.sg\" })"),
        HostList("rabbitmq-connection-endpoints", "RabbitMQ.Client.IConnectionFactory", new[] { "CreateConnection", "CreateConnectionAsync" }, "endpoints", EndpointValueKind.Url, null,
            "factory.CreateConnection(new List<AmqpTcpEndpoint> { new AmqpTcpEndpoint(\"rabbit1.example.sg\") })"),
        new EndpointRow
        {
            Id = "rabbitmq-endpoint-host", Library = "RabbitMQ.Client", Kind = EndpointRowKind.Argument, TypeMetadataName = "RabbitMQ.Client.AmqpTcpEndpoint",
            MemberNames = new[] { EndpointRow.ConstructorName }, ParameterNames = new[] { "hostName" }, ValueKind = EndpointValueKind.Host, Scheme = "amqp", ValueIsEndpoint = true,
            Example = "new AmqpTcpEndpoint(\"rabbit1.example.sg\", 5672)",
        },
        new EndpointRow
        {
            Id = "rabbitmq-endpoint-uri", Library = "RabbitMQ.Client", Kind = EndpointRowKind.Argument, TypeMetadataName = "RabbitMQ.Client.AmqpTcpEndpoint",
            MemberNames = new[] { EndpointRow.ConstructorName }, ParameterNames = new[] { "uri" }, ValueKind = EndpointValueKind.Url, ValueIsEndpoint = true,
            Example = "new AmqpTcpEndpoint(new Uri(\"amqps://rabbit1.example.sg\"))",
        },
        Argument("rabbitmq-6-model", "RabbitMQ.Client", "RabbitMQ.Client.IConnection", "CreateModel", new[] { EndpointRow.ThisParameter }, EndpointValueKind.Carrier, null, null, "connection.CreateModel()"),

        Argument("smtp-host", "System.Net.Mail", "System.Net.Mail.SmtpClient", EndpointRow.ConstructorName, new[] { "host" }, EndpointValueKind.Host, "smtp", null, "new SmtpClient(\"smtp.example.sg\", 587)"),
        Property("smtp-host-property", "System.Net.Mail", "System.Net.Mail.SmtpClient", "Host", EndpointValueKind.Host, null, "new SmtpClient { Host = \"smtp.example.sg\" }", "smtp"),
    };

    /// <summary>Registrations that bind a client to a base address.</summary>
    public static IReadOnlyList<RegistrationRow> Registrations { get; } = new[]
    {
        new RegistrationRow
        {
            Id = "http-named", Library = "Microsoft.Extensions.Http", MethodName = "AddHttpClient", Key = RegistrationKey.NameArgument, NameParameter = "name",
            ConfigureMethodName = "ConfigureHttpClient", PropertyName = "BaseAddress",
            Example = "services.AddHttpClient(\"partner\", c => c.BaseAddress = new Uri(\"https://api.example.sg/\"));",
        },
        new RegistrationRow
        {
            Id = "http-typed", Library = "Microsoft.Extensions.Http", MethodName = "AddHttpClient", Key = RegistrationKey.TypeArgument, Scope = RegistrationScope.ConsumingType,
            ConfigureMethodName = "ConfigureHttpClient", PropertyName = "BaseAddress",
            Example = "services.AddHttpClient<IPartnerClient, PartnerClient>(c => c.BaseAddress = new Uri(\"https://api.example.sg/\"));",
        },
        new RegistrationRow
        {
            Id = "refit", Library = "Refit.HttpClientFactory", MethodName = "AddRefitClient", Key = RegistrationKey.TypeArgument, Scope = RegistrationScope.DeclaringType,
            ConfiguresInRegistration = false, ConfigureMethodName = "ConfigureHttpClient", PropertyName = "BaseAddress",
            Example = "services.AddRefitClient<IPartnerApi>().ConfigureHttpClient(c => c.BaseAddress = new Uri(\"https://api.example.sg\"));",
        },
        new RegistrationRow
        {
            Id = "grpc-client-factory", Library = "Grpc.Net.ClientFactory", MethodName = "AddGrpcClient", Key = RegistrationKey.TypeArgument, Scope = RegistrationScope.DeclaringType,
            PropertyName = "Address",
            Example = "services.AddGrpcClient<Greeter.GreeterClient>(o => o.Address = new Uri(\"https://grpc.example.sg\"));",
        },
    };

    private static SinkRow Http(string id, string library, string type, string[] methods, string[] data, string? client, string example) => new()
    {
        Id = id, Library = library, Protocol = "HTTP", TypeMetadataName = type, DisplayName = "HttpClient", MethodNames = methods, DataParameters = data,
        EndpointSource = SinkEndpointSource.UrlArgument, UrlParameter = "requestUri", ClientParameter = client, Example = example,
    };

    private static EndpointRow Argument(string id, string library, string type, string member, string[] parameters, EndpointValueKind kind, string? scheme, string? service, string example) => new()
    {
        Id = id, Library = library, Kind = EndpointRowKind.Argument, TypeMetadataName = type, MemberNames = new[] { member }, ParameterNames = parameters,
        ValueKind = kind, Scheme = scheme, Service = service, Example = example,
    };

    private static EndpointRow HostList(string id, string type, string[] members, string parameter, EndpointValueKind kind, string? scheme, string example) => new()
    {
        Id = id, Library = "RabbitMQ.Client", Kind = EndpointRowKind.Argument, TypeMetadataName = type, MemberNames = members, ParameterNames = new[] { parameter },
        ValueKind = kind, Scheme = scheme, Elements = true, Replaces = true, Example = example,
    };

    private static EndpointRow Property(string id, string library, string type, string property, EndpointValueKind kind, string? service, string example, string? scheme = null) => new()
    {
        Id = id, Library = library, Kind = EndpointRowKind.Property, TypeMetadataName = type, MemberNames = new[] { property },
        ValueKind = kind, Scheme = scheme, Service = service, Example = example,
    };
}
