package dev.sweep.io.netcdf;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ucar.nc2.Attribute;
import ucar.nc2.Dimension;
import ucar.nc2.NetcdfFile;
import ucar.nc2.Variable;
import ucar.nc2.iosp.hdf5.H5header;

/**
 * The order in which a NetCDF-4 file's dimensions and variables were defined, which netcdf-java 4.5
 * does not keep: it lists a group's objects in the order of the link messages in the group's HDF5
 * object header, which the C library does not keep in creation order (it reuses the space of the
 * dimension scales it replaces), and dimensions in the order it meets their scales. xarray, and every
 * tool on the C library, use the definition order; a file read and written back should keep it.
 *
 * <ul>
 *   <li>Dimensions: the C library stores each dimension's id ({@code _Netcdf4Dimid}, its definition
 *       order) on its dimension scale, an HDF5 dataset named after it. netcdf-java hides the attribute
 *       but keeps it in its parsed header, which it hands out ({@code sendIospMessage("header")}).
 *   <li>Variables: the C library tracks link creation order in every group. Where the links are few
 *       enough to sit in the object header ("compact" storage, up to 8 by default), each link
 *       message carries its creation order, in a field netcdf-java parses but keeps private, read
 *       here by reflection (netcdf-java 4.5.5, the only version on Maven Central, does not change).
 *       With more links ("dense" storage), netcdf-java already reads them through the creation-order
 *       index, in that order.
 * </ul>
 *
 * <p>Whatever cannot be found (a file written by another HDF5 tool, a change in netcdf-java) leaves
 * netcdf-java's order, with a debug line: order is a courtesy, never a reason to fail a read.
 */
final class Netcdf4Order {
  private static final Logger log = LoggerFactory.getLogger(Netcdf4Order.class);

  private final Map<String, Integer> dimIds = new HashMap<>();
  private final Map<String, Long> creationOrder = new HashMap<>();

  private Netcdf4Order() {}

  /**
   * The order recorded in the root group of an HDF5-based file, from netcdf-java's parsed header.
   *
   * @param nc the open file
   * @param variables the names of the root group's variables, to recognise the root group's header
   */
  static Netcdf4Order of(NetcdfFile nc, List<String> variables) {
    Netcdf4Order order = new Netcdf4Order();
    Object header = nc.sendIospMessage("header");
    if (!(header instanceof H5header h)) return order;
    try {
      List<H5header.DataObject> objects = h.getDataObjects();
      for (H5header.DataObject o : objects) {
        for (H5header.MessageAttribute a : o.getAttributes()) {
          if (!a.getName().equals("_Netcdf4Dimid")) continue;
          Attribute att = a.getNcAttribute();
          if (att != null && !att.isString() && att.getLength() == 1) {
            order.dimIds.putIfAbsent(o.getName(), att.getNumericValue().intValue());
          }
        }
      }
      order.readCreationOrder(objects, variables);
    } catch (java.io.IOException | RuntimeException | ReflectiveOperationException e) {
      log.debug("{}: cannot read the order of definition; keeping netcdf-java's: {}", nc.getLocation(), e.toString());
      order.dimIds.clear();
      order.creationOrder.clear();
    }
    return order;
  }

  /** The root group's header is the one whose links name its variables; their creation order, if tracked. */
  private void readCreationOrder(List<H5header.DataObject> objects, List<String> variables)
      throws ReflectiveOperationException {
    Field messData = H5header.HeaderMessage.class.getDeclaredField("messData");
    messData.setAccessible(true);
    Map<String, Long> best = Map.of();
    int bestMatches = 0;
    for (H5header.DataObject o : objects) {
      Map<String, Long> links = new HashMap<>();
      boolean tracked = true;
      for (H5header.HeaderMessage m : o.getMessages()) {
        if (m.getMtype() != H5header.MessageType.Link) continue;
        Object link = messData.get(m);
        Field flags = field(link, "flags");
        if ((flags.getByte(link) & 4) == 0) tracked = false; // no creation order in this link
        links.put((String) field(link, "linkName").get(link), field(link, "creationOrder").getLong(link));
      }
      if (!tracked || links.isEmpty()) continue;
      int matches = 0;
      for (String v : variables) {
        if (links.containsKey(v)) matches++;
      }
      if (matches > bestMatches) {
        best = links;
        bestMatches = matches;
      }
    }
    if (bestMatches == variables.size()) creationOrder.putAll(best);
  }

  private static Field field(Object o, String name) throws NoSuchFieldException {
    Field f = o.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return f;
  }

  /** {@return the dimensions in the order they were defined}; those without an id last, as given. */
  List<Dimension> sortDimensions(List<Dimension> dims) {
    return sorted(dims, d -> dimIds.get(d.getShortName()) == null ? null : (long) dimIds.get(d.getShortName()));
  }

  /** {@return the variables in the order they were created}, if the file says so for each; else as given. */
  List<Variable> sortVariables(List<Variable> vars) {
    for (Variable v : vars) {
      if (!creationOrder.containsKey(v.getShortName())) return vars;
    }
    return sorted(vars, v -> creationOrder.get(v.getShortName()));
  }

  private static <T> List<T> sorted(List<T> items, Function<T, Long> key) {
    List<T> out = new ArrayList<>(items);
    // A stable sort: items without a key keep their relative order, after those with one.
    out.sort(Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder())));
    return out;
  }
}
