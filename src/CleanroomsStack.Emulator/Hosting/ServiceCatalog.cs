using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.Services.CleanRooms;
using CleanroomsStack.Emulator.Services.EntityResolution;
using CleanroomsStack.Emulator.Services.Glue;
using CleanroomsStack.Emulator.Services.Sso;
using CleanroomsStack.Emulator.Services.Sts;

namespace CleanroomsStack.Emulator.Hosting;

/// <summary>Every emulated service and operation, registered in one route table.</summary>
public static class ServiceCatalog
{
    public static RouteTable Build()
    {
        var routes = new RouteTable();
        routes.DeclareService("cleanrooms", WireProtocol.RestJson);
        CollaborationHandlers.Register(routes);
        CreateCollaborationHandler.Register(routes);
        CollaborationOwnerHandlers.Register(routes);
        MembershipHandlers.Register(routes);
        ConfiguredTableHandlers.Register(routes);
        MembershipChildKinds.Register(routes);
        AnalysisRuleHandlers.Register(routes);
        TagHandlers.Register(routes);
        SchemaHandlers.Register(routes);
        IdNamespaceHandlers.Register(routes);
        StsHandlers.Register(routes);
        GlueHandlers.Register(routes);
        SsoPortalHandlers.Register(routes);
        return routes;
    }
}
