global using CleanroomsStack.Core.Kinds;
global using CleanroomsStack.Core.Resources.AnalysisRule;
global using CleanroomsStack.Core.Resources.IdMappingTable;
global using CleanroomsStack.Core.Resources.IdNamespaceAssociation;
global using CleanroomsStack.Core.Resources.Membership;
global using CleanroomsStack.Core.Resources.TableAssociation;
global using CleanroomsStack.Core.Tests.Fixtures;
