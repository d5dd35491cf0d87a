import { describeProviderImportCost } from '@strands-cli/test-servers/provider-import-cost';

describeProviderImportCost('@strands-cli/provider-openai', new URL('../dist/index.js', import.meta.url));
