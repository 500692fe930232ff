using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers.Tests;

/// <summary>
/// Metadata references for test compilations, built from the test's own runtime (the shared framework, which
/// includes System.Net.Http.Json and System.Text.Json) plus the CrossBorder.Policy attribute assembly. Nothing is
/// downloaded at test time.
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyFramework = new(CreateFramework);

    public static ImmutableArray<MetadataReference> Framework => LazyFramework.Value;

    public static MetadataReference PolicyAttributes { get; } = MetadataReference.CreateFromFile(typeof(PersonalInformationAttribute).Assembly.Location);

    public static ImmutableArray<MetadataReference> All => Framework.Add(PolicyAttributes);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazySinkLibraries = new(CreateSinkLibraries);

    /// <summary>
    /// The real assemblies of the sink catalogue's libraries (Refit, gRPC, RestSharp, Flurl, AWS S3, Azure Blob, Kafka,
    /// RabbitMQ, Microsoft.Extensions.Http and their dependencies that appear in public signatures), from this test's
    /// own package references.
    /// </summary>
    public static ImmutableArray<MetadataReference> SinkLibraries => LazySinkLibraries.Value;

    private static readonly Lazy<MetadataReference> LazyRabbitMq6 = new(CreateRabbitMq6);

    /// <summary>
    /// RabbitMQ.Client 6.8.1 (<c>IModel.BasicPublish</c>), restored by this project with <c>PackageDownload</c> and read
    /// as metadata only: use it instead of <see cref="SinkLibraries"/>, which holds the referenced 7.x.
    /// </summary>
    public static MetadataReference RabbitMq6 => LazyRabbitMq6.Value;

    private static MetadataReference CreateRabbitMq6()
    {
        var path = typeof(TestReferences).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), inherit: false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => string.Equals(a.Key, "RabbitMQ.Client.6", StringComparison.Ordinal))
            .Value!;
        Assert.True(File.Exists(path), "RabbitMQ.Client 6.8.1 is restored by the test project (PackageDownload): " + path);
        return MetadataReference.CreateFromFile(path);
    }

    private static ImmutableArray<MetadataReference> CreateSinkLibraries()
    {
        var assemblies = new[]
        {
            typeof(Refit.RestService).Assembly,
            typeof(Refit.HttpClientFactoryExtensions).Assembly,
            typeof(Grpc.Net.Client.GrpcChannel).Assembly,
            typeof(Grpc.Net.ClientFactory.GrpcClientFactoryOptions).Assembly,
            typeof(Grpc.Core.ClientBase).Assembly,
            typeof(RestSharp.RestClient).Assembly,
            typeof(Flurl.Url).Assembly,
            typeof(Flurl.Http.FlurlClient).Assembly,
            typeof(Amazon.S3.AmazonS3Client).Assembly,
            typeof(Amazon.RegionEndpoint).Assembly,
            typeof(Azure.Storage.Blobs.BlobClient).Assembly,
            typeof(Azure.Storage.StorageSharedKeyCredential).Assembly,
            typeof(Azure.Response).Assembly,
            typeof(BinaryData).Assembly,
            typeof(Confluent.Kafka.ProducerBuilder<,>).Assembly,
            typeof(RabbitMQ.Client.ConnectionFactory).Assembly,
            typeof(Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions).Assembly,
            typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly,
            typeof(Microsoft.Extensions.DependencyInjection.ServiceCollection).Assembly,
        };
        return assemblies
            .Select(a => a.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private static ImmutableArray<MetadataReference> CreateFramework()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator);
        return trusted
            .Where(path => path.Length > 0 && string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Where(path => !Path.GetFileName(path).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
