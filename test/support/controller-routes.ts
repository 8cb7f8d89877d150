import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';

import { ACCESS_RULE, AccessRule } from '../../apps/api/src/common/access/access.decorator';
import { STEP_UP } from '../../apps/api/src/common/access/step-up';

export interface ControllerRoute {
  /** `ClientsController.list`, to name the route in a failure. */
  name: string;
  method: string;
  /** As declared, parameters included: `/api/clients/:id/contacts/:contactId`. */
  path: string;
  /** Undefined where the route declares none (AccessGuard then refuses it). */
  rule: AccessRule | undefined;
  stepUp: boolean;
}

/**
 * Every route of every controller with what it asks of a caller, read the way the guards read it,
 * so a test over the list covers a route the day it is added.
 */
export function controllerRoutes(app: INestApplication): ControllerRoute[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = app.get(Reflector);
  const routes: ControllerRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype!;
    const prototype = Object.getPrototypeOf(wrapper.instance as object);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const segments = [Reflect.getMetadata(PATH_METADATA, controller), Reflect.getMetadata(PATH_METADATA, handler)];
      routes.push({
        name: `${wrapper.name}.${name}`,
        method: RequestMethod[method],
        path: `/${segments.filter((segment) => segment && segment !== '/').join('/')}`,
        rule: reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [handler, controller]),
        stepUp: reflector.getAllAndOverride<boolean | undefined>(STEP_UP, [handler, controller]) === true,
      });
    }
  }
  return routes;
}
