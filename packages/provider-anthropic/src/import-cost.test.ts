import { describeProviderImportCost } from '@strands-cli/test-servers/provider-import-cost';

describeProviderImportCost('@strands-cli/provider-anthropic', new URL('../dist/index.js', import.meta.url));
