using CleanroomsStack.Core.Config.Yaml;
using CleanroomsStack.Core.Diagnostics;

namespace CleanroomsStack.Core.Config;

/// <summary>Reads the Entity Resolution resources shared into a collaboration: ID namespace associations and ID mapping tables.</summary>
internal sealed class IdResourcesParser(ConfigReader reader)
{
    public IReadOnlyList<IdNamespaceAssociationSettings>? IdNamespaceAssociations(YamlNode? node)
    {
        var items = List(node, "idNamespaceAssociations", IdNamespaceAssociation);
        if (items is null)
            return null;
        var ok = ReportDuplicates(items, a => a.Arn, a => a.Location, "idNamespaceAssociations", "arn")
            & ReportDuplicates(items, a => a.Name, a => a.Location, "idNamespaceAssociations", "name");
        return ok ? items : null;
    }

    public IReadOnlyList<IdMappingTableSettings>? IdMappingTables(YamlNode? node)
    {
        var items = List(node, "idMappingTables", IdMappingTable);
        if (items is null)
            return null;
        return ReportDuplicates(items, t => t.Name.ToLowerInvariant(), t => t.Location, "idMappingTables", "name") ? items : null;
    }

    private IReadOnlyList<T>? List<T>(YamlNode? node, string path, Func<YamlNode, T?> item) where T : class
    {
        if (node is null)
            return [];
        if (reader.Sequence(node, path) is not { } list)
            return null;
        var parsed = list.Items.Select(item).ToList();
        return parsed.All(p => p is not null) ? parsed.Select(p => p!).ToList() : null;
    }

    private bool ReportDuplicates<T>(IReadOnlyList<T> items, Func<T, string> key, Func<T, SourceLocation> location, string path, string what)
    {
        var duplicates = items.GroupBy(key, StringComparer.Ordinal).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)).ToList();
        foreach (var duplicate in duplicates)
            reader.Error(DiagnosticCodes.DuplicateEntry, $"{path} lists the {what} '{key(duplicate)}' twice", location(duplicate),
                $"each entry needs its own {what}; remove one of them");
        return duplicates.Count == 0;
    }

    private IdNamespaceAssociationSettings? IdNamespaceAssociation(YamlNode node)
    {
        const string path = "idNamespaceAssociations item";
        if (reader.Mapping(node, path, ["name", "arn", "description", "manageResourcePolicies", "allowUseAsDimensionColumn"]) is not { } map)
            return null;
        var name = reader.Required(map, "name", path, "the association's name in the collaboration, e.g. ACXIdNamespace") is { } n
            ? reader.Checked(reader.String(n, "idNamespaceAssociations.name"), n, Formats.IsDisplayName, DiagnosticCodes.InvalidName,
                "idNamespaceAssociations.name must be 1-100 characters on one line", "shorten the name and keep it on one line")
            : null;
        var arn = reader.Required(map, "arn", path, "the Entity Resolution ID namespace ARN") is { } a
            ? reader.Checked(reader.String(a, "idNamespaceAssociations.arn"), a, Formats.IsIdNamespaceArn, DiagnosticCodes.InvalidArn,
                "idNamespaceAssociations.arn is not an Entity Resolution ID namespace ARN",
                "write 'arn:aws:entityresolution:<region>:<12-digit account>:idnamespace/<name>'")
            : null;
        var description = map.Find("description") is { } d ? reader.Description(d.Value, "idNamespaceAssociations.description") : null;
        var manage = map.Find("manageResourcePolicies") is { } m ? reader.Bool(m.Value, "manageResourcePolicies") : true;
        var dimension = map.Find("allowUseAsDimensionColumn") is { } u ? reader.Bool(u.Value, "allowUseAsDimensionColumn") : false;
        if (name is null || arn is null || manage is null || dimension is null || (map.Find("description") is not null && description is null))
            return null;
        return new IdNamespaceAssociationSettings(name, arn, description, manage.Value, dimension.Value, node.Location);
    }

    private IdMappingTableSettings? IdMappingTable(YamlNode node)
    {
        const string path = "idMappingTables item";
        if (reader.Mapping(node, path, ["name", "workflowArn", "description", "manageResourcePolicies", "kmsKeyArn"]) is not { } map)
            return null;
        var name = reader.Required(map, "name", path, "the table's name in the collaboration") is { } n
            ? reader.Checked(reader.String(n, "idMappingTables.name"), n, Formats.IsTableAlias, DiagnosticCodes.InvalidName,
                "idMappingTables.name is not a valid name", "use letters, digits, '_', ' ' and '-' (not as one of the first two characters), up to 128")
            : null;
        var workflow = reader.Required(map, "workflowArn", path, "the Entity Resolution ID mapping workflow ARN") is { } w
            ? reader.Checked(reader.String(w, "idMappingTables.workflowArn"), w, Formats.IsIdMappingWorkflowArn, DiagnosticCodes.InvalidArn,
                "idMappingTables.workflowArn is not an ID mapping workflow ARN",
                "write 'arn:aws:entityresolution:<region>:<12-digit account>:idmappingworkflow/<name>'")
            : null;
        var description = map.Find("description") is { } d ? reader.Description(d.Value, "idMappingTables.description") : null;
        var manage = map.Find("manageResourcePolicies") is { } m ? reader.Bool(m.Value, "manageResourcePolicies") : true;
        var kms = map.Find("kmsKeyArn") is { } k
            ? reader.Checked(reader.String(k.Value, "idMappingTables.kmsKeyArn"), k.Value, Formats.IsKmsKeyArn, DiagnosticCodes.InvalidArn,
                "idMappingTables.kmsKeyArn is not a KMS key ARN", "write 'arn:aws:kms:<region>:<12-digit account>:key/<key id>'")
            : null;
        bool Failed(string key, object? value) => map.Find(key) is not null && value is null;
        if (name is null || workflow is null || manage is null || Failed("description", description) || Failed("kmsKeyArn", kms))
            return null;
        return new IdMappingTableSettings(name, workflow, manage.Value, description, kms, node.Location);
    }
}
