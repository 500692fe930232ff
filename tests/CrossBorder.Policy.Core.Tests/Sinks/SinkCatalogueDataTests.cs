using System.Text.RegularExpressions;
using CrossBorder.Policy.Core.Sinks;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.Sinks;

/// <summary>The catalogue's rows are well formed, consistent with each other, and documented in docs/sinks.md.</summary>
public sealed class SinkCatalogueDataTests
{
    private static readonly Regex MetadataName = new(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(`\d+)?$");

    [Fact]
    public void IdentifiersAreUniqueAcrossTheCatalogue()
    {
        var ids = SinkCatalogue.Sinks.Select(r => "sink:" + r.Id)
            .Concat(SinkCatalogue.Endpoints.Select(r => "endpoint:" + r.Id))
            .Concat(SinkCatalogue.Registrations.Select(r => "registration:" + r.Id))
            .ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z]+:[a-z0-9-]+$", id));
    }

    [Fact]
    public void SinkRowsAreComplete()
    {
        Assert.NotEmpty(SinkCatalogue.Sinks);
        foreach (var row in SinkCatalogue.Sinks)
        {
            Assert.False(string.IsNullOrEmpty(row.Library), row.Id);
            Assert.False(string.IsNullOrEmpty(row.Protocol), row.Id);
            Assert.False(string.IsNullOrEmpty(row.DisplayName), row.Id);
            Assert.False(string.IsNullOrEmpty(row.Example), row.Id);
            Assert.NotEmpty(row.DataParameters);
            if (row.MethodAttribute is null)
            {
                Assert.Matches(MetadataName, row.TypeMetadataName);
                Assert.NotEmpty(row.MethodNames);
                Assert.Equal(row.MethodNames.Count, row.MethodNames.Distinct(StringComparer.Ordinal).Count());
            }
            else
            {
                Assert.Matches(MetadataName, row.MethodAttribute);
                Assert.Empty(row.MethodNames);
                Assert.Equal(SinkEndpointSource.ClientOrRegistration, row.EndpointSource);
            }

            if (row.MethodNames.Contains(SinkRow.AnyDerivedMethod))
            {
                // Every method of a derived type: only those with a named data parameter, never all parameters.
                Assert.Single(row.MethodNames);
                Assert.DoesNotContain(SinkRow.AllParameters, row.DataParameters);
            }

            switch (row.EndpointSource)
            {
                case SinkEndpointSource.UrlArgument:
                    Assert.NotNull(row.UrlParameter);
                    Assert.Contains(row.UrlParameter, row.DataParameters);
                    break;
                case SinkEndpointSource.RequestMessage:
                    Assert.NotNull(row.RequestParameter);
                    Assert.Contains(row.RequestParameter, row.DataParameters);
                    break;
                default:
                    Assert.Null(row.UrlParameter);
                    Assert.Null(row.RequestParameter);
                    break;
            }
        }
    }

    [Fact]
    public void EndpointRowsAreComplete()
    {
        var registrations = new HashSet<string>(SinkCatalogue.Registrations.Select(r => r.Id), StringComparer.Ordinal);
        foreach (var row in SinkCatalogue.Endpoints)
        {
            Assert.Matches(MetadataName, row.TypeMetadataName);
            Assert.False(string.IsNullOrEmpty(row.Example), row.Id);
            switch (row.Kind)
            {
                case EndpointRowKind.Argument:
                    Assert.NotEmpty(row.MemberNames);
                    Assert.NotEmpty(row.ParameterNames);
                    Assert.Null(row.StaticValues);
                    if (row.MemberNames.Contains(EndpointRow.AnyMethod))
                    {
                        // A wildcard row is narrowed by result type, or every call on the type would become a carrier.
                        Assert.Single(row.MemberNames);
                        Assert.NotEmpty(row.ResultTypeMetadataNames);
                        Assert.All(row.ResultTypeMetadataNames, name => Assert.Matches(MetadataName, name));
                    }

                    if (row.Registration is not null)
                    {
                        Assert.Contains(SinkCatalogue.Registrations, r => r.Id == row.Registration && r.Key == RegistrationKey.TypeArgument);
                    }

                    break;
                case EndpointRowKind.Property:
                    Assert.Single(row.MemberNames);
                    Assert.Empty(row.ParameterNames);
                    Assert.NotEqual(EndpointValueKind.Carrier, row.ValueKind);
                    break;
                case EndpointRowKind.StaticMember:
                    Assert.NotNull(row.StaticValues);
                    Assert.NotEmpty(row.StaticValues!);
                    break;
                case EndpointRowKind.NamedRegistration:
                    Assert.NotNull(row.Registration);
                    Assert.Contains(row.Registration!, registrations);
                    Assert.Single(row.ParameterNames);
                    break;
            }

            if (row.Elements || row.Replaces || row.ValueIsEndpoint)
            {
                Assert.Equal(EndpointRowKind.Argument, row.Kind);
            }

            if (row.Elements || row.Replaces)
            {
                // A host list is an argument (never the receiver) whose elements are texts or endpoint values, never carriers.
                Assert.DoesNotContain(EndpointRow.ThisParameter, row.ParameterNames);
                Assert.NotEqual(EndpointValueKind.Carrier, row.ValueKind);
            }

            if (row.ValueKind is EndpointValueKind.Host or EndpointValueKind.HostList)
            {
                Assert.False(string.IsNullOrEmpty(row.Scheme), row.Id);
            }

            if (row.ValueKind is EndpointValueKind.AwsRegion or EndpointValueKind.AzureStorageConnectionString)
            {
                Assert.False(string.IsNullOrEmpty(row.Service), row.Id);
            }
        }
    }

    [Fact]
    public void RegistrationRowsAreComplete()
    {
        foreach (var row in SinkCatalogue.Registrations)
        {
            Assert.False(string.IsNullOrEmpty(row.MethodName), row.Id);
            Assert.False(string.IsNullOrEmpty(row.PropertyName), row.Id);
            Assert.Equal(row.Key == RegistrationKey.NameArgument, row.NameParameter is not null);
            Assert.True(row.ConfiguresInRegistration || row.ConfigureMethodName is not null, row.Id);
        }
    }

    [Fact]
    public void EveryRowIsDocumented()
    {
        var doc = RepositoryFiles.Read("docs/sinks.md");
        var ids = SinkCatalogue.Sinks.Select(r => r.Id)
            .Concat(SinkCatalogue.Endpoints.Select(r => r.Id))
            .Concat(SinkCatalogue.Registrations.Select(r => r.Id));
        Assert.All(ids, id => Assert.Contains("`" + id + "`", doc, StringComparison.Ordinal));
        Assert.Contains(SinkCatalogue.Version, doc, StringComparison.Ordinal);
    }
}
